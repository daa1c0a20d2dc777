/** Roles a user can hold; in Cognito each role is a user-pool group of the same name. */
export const ROLES = ['secretary', 'organiser', 'appraiser', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  secretary: 'Bí thư cơ sở',
  organiser: 'Cán bộ Ban Tổ chức – Xây dựng Đoàn',
  appraiser: 'Thành viên Tổ thẩm định',
  leader: 'Lãnh đạo (Bí thư / Phó Bí thư)',
  admin: 'Quản trị hệ thống',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
