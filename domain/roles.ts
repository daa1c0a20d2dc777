/** Roles a user can hold; in Cognito each role is a user-pool group of the same name. */
export const ROLES = ['secretary', 'organiser', 'appraiser', 'leader', 'admin', 'cadre'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  secretary: 'Bí thư Chi đoàn / Đoàn cơ sở',
  organiser: 'Cán bộ bộ phận Xây dựng Đoàn',
  appraiser: 'Thành viên Tổ thẩm định',
  leader: 'Lãnh đạo (Bí thư / Phó Bí thư)',
  admin: 'Quản trị hệ thống',
  // Who the "1+2" practice counts (seed 004): at least 60 days a year at the grassroots.
  cadre: 'Ủy viên BCH chuyên trách (đi cơ sở "1+2")',
};

/** Labels earlier import templates used: a file filled in with them still imports. */
export const FORMER_ROLE_LABELS: Partial<Record<Role, string[]>> = {
  secretary: ['Bí thư cơ sở', 'Bí thư Chi đoàn', 'Bí thư Đoàn cơ sở'],
  organiser: ['Cán bộ Ban Tổ chức – Xây dựng Đoàn', 'Cán bộ Xây dựng Đoàn'],
};

/** A role as people at that place call it: the secretary of a chi đoàn is its "Bí thư Chi đoàn". */
export function roleLabel(role: Role, unitKind?: string): string {
  if (role === 'secretary' && unitKind === 'branch') return 'Bí thư Chi đoàn';
  if (role === 'secretary' && (unitKind === 'commune' || unitKind === 'grassroots')) return 'Bí thư Đoàn cơ sở';
  return ROLE_LABELS[role];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
