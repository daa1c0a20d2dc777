/**
 * JWT claim names. Cognito puts group membership in "cognito:groups" and custom attributes under
 * "custom:"; the local sign-in issues tokens with exactly these claims.
 */
export const CLAIMS = {
  subject: 'sub',
  email: 'email',
  name: 'name',
  groups: 'cognito:groups',
  unitId: 'custom:unitId',
} as const;
