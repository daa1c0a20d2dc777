/**
 * JWT claim names, as Cognito writes them. The directory user id is the Cognito username:
 * "cognito:username" in an ID token, "username" in an access token. "sub" is a UUID Cognito makes
 * and is never used as an id here. The local user pool issues tokens with the same claims.
 */
export const CLAIMS = {
  subject: 'sub',
  username: 'cognito:username',
  accessTokenUsername: 'username',
  email: 'email',
  name: 'name',
  groups: 'cognito:groups',
  unitId: 'custom:unitId',
  tokenUse: 'token_use',
} as const;
