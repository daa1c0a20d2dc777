import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalUserPool, serveUserPool } from '../../infra/local/user-pool.ts';

const POOL_ID = 'ap-southeast-1_Test';
const dir = mkdtempSync(join(tmpdir(), 'user-pool-'));
const sent: unknown[] = [];
let server: Server;
let client: CognitoIdentityProviderClient;
let pool: LocalUserPool;

beforeAll(async () => {
  // The mail stand-in only records what would go out: the pool is the piece under test.
  const mail = { send: (command: unknown) => (sent.push(command), Promise.resolve({})) } as unknown as SESv2Client;
  pool = new LocalUserPool({ file: join(dir, 'pool.json'), userPoolId: POOL_ID, mail: { client: mail, from: 'khong-tra-loi@doan.example', appUrl: 'http://localhost:3000' } });
  const started = await serveUserPool(pool, 0);
  server = started.server;
  client = new CognitoIdentityProviderClient({ endpoint: `http://127.0.0.1:${started.port}`, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const create = (Username: string, attributes: Record<string, string> = { email: `${Username}@doan.example` }, MessageAction?: 'SUPPRESS') =>
  client.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username, MessageAction, UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })) }));

describe('the local user pool answers as Cognito does', () => {
  it('creates an account with a UUID sub and invites it, once', async () => {
    // Act
    const created = await create('bithu-mot', { email: 'mot@doan.example', name: 'Một', 'custom:unitId': 'sadec' });

    // Assess
    const sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
    expect(sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(sent).toHaveLength(1);
    await expect(create('bithu-mot')).rejects.toMatchObject({ name: 'UsernameExistsException' });
    const read = await client.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'BITHU-MOT' }));
    expect(read.Username).toBe('bithu-mot');
  });

  it('refuses an e-mail-shaped username (e-mail is an alias), an undeclared attribute, an unknown group', async () => {
    // Act + Assess
    await expect(create('mot@doan.example')).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(create('bithu-hai', { 'custom:role': 'admin' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(client.send(new AdminAddUserToGroupCommand({ UserPoolId: POOL_ID, Username: 'bithu-mot', GroupName: 'superuser' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(client.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'nobody' }))).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('sends no invitation when asked not to, and keeps its accounts across a restart', async () => {
    // Act
    await create('bithu-ba', undefined, 'SUPPRESS');
    const reopened = new LocalUserPool({ file: join(dir, 'pool.json'), userPoolId: POOL_ID, mail: { client: {} as SESv2Client, from: '', appUrl: '' } });

    // Assess
    expect(sent).toHaveLength(1);
    expect(reopened.account('bithu-ba')?.username).toBe('bithu-ba');
    expect(reopened.account('bithu-mot')?.sub).toBe(pool.account('bithu-mot')?.sub);
  });
});
