import * as z from 'zod';
import { unitIdSchema } from './organisation.ts';
import { ROLES } from './roles.ts';

/**
 * A person in the directory: who they are, how to reach them, what they may do, and for which
 * unit. The app authorises by role and unit, and mails leaders, from these records; the sign-in
 * service (Cognito, or the local sign-in) only proves who is at the keyboard.
 */
export const userIdSchema = z
  .string({ error: 'Thiếu tên đăng nhập.' })
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    error: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang.',
  });

export const userSchema = z.object({
  userId: userIdSchema,
  name: z
    .string({ error: 'Thiếu họ và tên.' })
    .trim()
    .min(2, { error: 'Họ và tên quá ngắn.' })
    .max(120, { error: 'Họ và tên dài tối đa 120 ký tự.' }),
  email: z.email({ error: 'Email không hợp lệ.' }),
  roles: z.array(z.enum(ROLES, { error: 'Vai trò không hợp lệ.' })).min(1, { error: 'Cần ít nhất một vai trò.' }),
  unitId: unitIdSchema,
  /** For an appraiser: the commune they come from, whose chi đoàn they never appraise. */
  homeUnitId: unitIdSchema.optional(),
});
export type User = z.infer<typeof userSchema>;
