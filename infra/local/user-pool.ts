import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { USER_POOL } from '../catalog/user-pool.ts';

type Attributes = Record<string, string>;

export interface PoolUser {
  username: string;
  sub: string;
  attributes: Attributes;
  groups: string[];
  enabled: boolean;
  status: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';
  createdAt: number;
}

class CognitoError extends Error {
  override name = 'CognitoError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const STANDARD_ATTRIBUTES = new Set(['email', 'email_verified', 'name', 'locale']);

export interface LocalUserPoolOptions {
  /** Where the pool keeps its users (a JSON file, git-ignored with the rest of the data). */
  file: string;
  userPoolId: string;
  /** Invitations go out as Cognito's would, through SES, from the pool's sender. */
  mail: { client: SESv2Client; from: string; appUrl: string };
}

/**
 * Stands in for a Cognito user pool on one machine, for the calls the app makes (AdminCreateUser,
 * AdminGetUser, AdminUpdateUserAttributes, AdminAddUserToGroup) with Cognito's rules and errors:
 * usernames are not e-mail shaped (e-mail is an alias), custom attributes must be declared, a
 * username exists once, groups must exist, a new account gets the Vietnamese invitation by SES.
 * Sign-in (infra/local/sign-in.ts) issues tokens only for accounts in this pool.
 */
export class LocalUserPool {
  private readonly users = new Map<string, PoolUser>();

  constructor(private readonly options: LocalUserPoolOptions) {
    if (existsSync(options.file)) {
      for (const user of JSON.parse(readFileSync(options.file, 'utf8')) as PoolUser[]) this.users.set(user.username, user);
    }
  }

  get userPoolId(): string {
    return this.options.userPoolId;
  }

  /** An enabled account by username (case-insensitive, as the pool is configured), or undefined. */
  account(username: string): PoolUser | undefined {
    const user = this.users.get(username.toLowerCase());
    return user?.enabled ? user : undefined;
  }

  async handle(operation: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (body.UserPoolId !== this.options.userPoolId) throw new CognitoError('ResourceNotFoundException', `User pool ${String(body.UserPoolId)} does not exist.`);
    const username = (typeof body.Username === 'string' ? body.Username : '').toLowerCase();
    switch (operation) {
      case 'AdminCreateUser':
        return { User: this.view(await this.create(username, attributesOf(body.UserAttributes), body.MessageAction !== 'SUPPRESS')) };
      case 'AdminGetUser': {
        const user = this.require(username);
        return { ...this.view(user), UserAttributes: this.view(user).Attributes };
      }
      case 'AdminUpdateUserAttributes':
        this.update(this.require(username), attributesOf(body.UserAttributes));
        return {};
      case 'AdminAddUserToGroup': {
        const group = typeof body.GroupName === 'string' ? body.GroupName : '';
        if (!(USER_POOL.groups as readonly string[]).includes(group)) throw new CognitoError('ResourceNotFoundException', 'Group not found.');
        const user = this.require(username);
        if (!user.groups.includes(group)) user.groups.push(group);
        this.save();
        return {};
      }
      default:
        throw new CognitoError('UnknownOperationException', `Unsupported operation ${operation}`);
    }
  }

  private async create(username: string, attributes: Attributes, invite: boolean): Promise<PoolUser> {
    if (!/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u.test(username)) throw new CognitoError('InvalidParameterException', 'Invalid username.');
    if (username.includes('@')) throw new CognitoError('InvalidParameterException', 'Username cannot be of email format, since user pool is configured for email alias.');
    if (this.users.has(username)) throw new CognitoError('UsernameExistsException', 'User account already exists');
    checkDeclared(attributes);
    const user: PoolUser = { username, sub: randomUUID(), attributes, groups: [], enabled: true, status: 'FORCE_CHANGE_PASSWORD', createdAt: Date.now() };
    this.users.set(username, user);
    this.save();
    if (invite && attributes.email) await this.invite(user);
    return user;
  }

  private update(user: PoolUser, attributes: Attributes): void {
    checkDeclared(attributes);
    Object.assign(user.attributes, attributes);
    this.save();
  }

  private require(username: string): PoolUser {
    const user = this.users.get(username);
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return user;
  }

  private async invite(user: PoolUser): Promise<void> {
    const { client, from, appUrl } = this.options.mail;
    const body = USER_POOL.invitation.body(appUrl).replace('{username}', user.username).replace('{####}', temporaryPassword());
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: [user.attributes.email!] },
        Content: { Simple: { Subject: { Data: USER_POOL.invitation.subject, Charset: 'UTF-8' }, Body: { Html: { Data: body, Charset: 'UTF-8' } } } },
      }),
    );
  }

  private view(user: PoolUser) {
    return {
      Username: user.username,
      Attributes: Object.entries({ sub: user.sub, ...user.attributes }).map(([Name, Value]) => ({ Name, Value })),
      UserCreateDate: user.createdAt / 1000,
      Enabled: user.enabled,
      UserStatus: user.status,
    };
  }

  private save(): void {
    mkdirSync(dirname(this.options.file), { recursive: true });
    const temporary = `${this.options.file}.tmp`;
    writeFileSync(temporary, JSON.stringify([...this.users.values()], null, 1));
    renameSync(temporary, this.options.file);
  }
}

function attributesOf(list: unknown): Attributes {
  if (!Array.isArray(list)) return {};
  return Object.fromEntries((list as { Name?: string; Value?: string }[]).map((attribute) => [String(attribute.Name), String(attribute.Value ?? '')]));
}

function checkDeclared(attributes: Attributes): void {
  for (const name of Object.keys(attributes)) {
    const declared = name.startsWith('custom:') ? (USER_POOL.customAttributes as readonly string[]).includes(name.slice(7)) : STANDARD_ATTRIBUTES.has(name);
    if (!declared) throw new CognitoError('InvalidParameterException', `Attribute does not exist in the schema: ${name}`);
  }
}

function temporaryPassword(): string {
  const pick = (set: string) => set[randomInt(set.length)]!;
  return [pick('ABCDEFGHJKLMNPQRSTUVWXYZ'), pick('abcdefghijkmnpqrstuvwxyz'), pick('23456789'), pick('!#%+='), ...Array.from({ length: 8 }, () => pick('abcdefghijkmnpqrstuvwxyz23456789'))].join('');
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Serves the pool on 127.0.0.1 for @aws-sdk/client-cognito-identity-provider (AWS JSON 1.1). */
export async function serveUserPool(pool: LocalUserPool, port: number): Promise<{ server: Server; port: number }> {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const send = (status: number, body: Record<string, unknown>) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(body));
    };
    const operation = String(request.headers['x-amz-target'] ?? '').replace(/^AWSCognitoIdentityProviderService\./, '');
    try {
      send(200, await pool.handle(operation, await readJson(request)));
    } catch (error) {
      if (error instanceof CognitoError) return send(400, { __type: error.code, message: error.message });
      console.error('local-user-pool:', error);
      send(500, { __type: 'InternalErrorException', message: 'Internal error' });
    }
  };
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port };
}
