import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminUpdateUserAttributesCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { User } from '../../../domain/users.ts';
import { config, userPool } from '../config/config.ts';

/** Accounts created at once: Cognito's AdminCreateUser quota is tens a second per account. */
const CONCURRENCY = 5;

/**
 * Gives a directory user their sign-in account: the username is their user id, with e-mail, name
 * and unit set, in the group of each role. Cognito sends the invitation (through SES, in
 * Vietnamese). An account that exists already is brought up to date instead, so running it again
 * changes nothing. The account carries no authority: the API reads unit and roles from the
 * directory.
 */
export async function provisionAccount(user: User, options: { invite?: boolean } = {}): Promise<'created' | 'updated'> {
  const UserAttributes = [
    { Name: 'email', Value: user.email },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'name', Value: user.name },
    { Name: 'custom:unitId', Value: user.unitId },
  ];
  const UserPoolId = config.userPoolId;
  let outcome: 'created' | 'updated' = 'created';
  try {
    const invitation = options.invite === false ? { MessageAction: 'SUPPRESS' as const } : { DesiredDeliveryMediums: ['EMAIL' as const] };
    await userPool().send(new AdminCreateUserCommand({ UserPoolId, Username: user.userId, UserAttributes, ...invitation }));
  } catch (error) {
    if (!(error instanceof UsernameExistsException)) throw error;
    await userPool().send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username: user.userId, UserAttributes }));
    outcome = 'updated';
  }
  for (const role of user.roles) await userPool().send(new AdminAddUserToGroupCommand({ UserPoolId, Username: user.userId, GroupName: role }));
  return outcome;
}

export async function provisionAccounts(users: User[]): Promise<{ created: number; updated: number }> {
  const counts = { created: 0, updated: 0 };
  for (let start = 0; start < users.length; start += CONCURRENCY) {
    const outcomes = await Promise.all(users.slice(start, start + CONCURRENCY).map((user) => provisionAccount(user)));
    for (const outcome of outcomes) counts[outcome]++;
  }
  return counts;
}
