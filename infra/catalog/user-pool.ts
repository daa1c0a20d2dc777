import { ROLES } from '../../domain/roles.ts';

/**
 * The user pool as data: the CDK construct and the local pool build from it, so sign-in works
 * the same in both homes. Fixed before the pool first exists in AWS (sign-in settings cannot
 * change afterwards): the username is the directory user id, e-mail an alias.
 */
export const USER_POOL = {
  /** Attributes users sign in with besides their username. */
  aliasAttributes: ['email'],
  /** Custom attributes ("custom:<name>"), set by administrators only. */
  customAttributes: ['unitId'],
  /** What the web client may write: one harmless attribute (an empty list would mean all). */
  clientWriteAttributes: ['locale'],
  groups: ROLES,
  invitation: {
    subject: 'Tài khoản của đồng chí trên hệ thống công nhận Chi đoàn đạt chuẩn',
    body: (appUrl: string) =>
      `Kính gửi đồng chí,<br><br>Đồng chí đã được cấp tài khoản trên hệ thống công nhận Chi đoàn đạt chuẩn và Đoàn cơ sở "3 chủ động".<br>Tên đăng nhập: <strong>{username}</strong><br>Mật khẩu tạm: <strong>{####}</strong><br><br>Đăng nhập tại ${appUrl} và đặt mật khẩu mới trong lần đầu.`,
  },
} as const;
