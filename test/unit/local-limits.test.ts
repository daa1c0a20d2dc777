import type { Server } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveApp } from '../../infra/local/app-server.ts';
import { AWS_LIMITS } from '../../infra/local/aws-limits.ts';
import { invokeAsLambda, type LambdaHandler } from '../../infra/local/lambdas.ts';

const MB = 1024 * 1024;
const never = () => new Promise<never>(() => undefined);

describe('the local Lambda runtime refuses what Lambda refuses', () => {
  it('times a function out at its timeout, with the error Step Functions sees', async () => {
    // Act + Assess
    await expect(invokeAsLambda(never as LambdaHandler, {}, 'slow', 0.05)).rejects.toMatchObject({ name: 'Sandbox.Timedout', message: 'Task timed out after 0.05 seconds' });
  });

  it('refuses an event or a result over 6 MB', async () => {
    // Prepare
    const echo: LambdaHandler = (event) => Promise.resolve(event);
    const big = { text: 'x'.repeat(6 * MB) };

    // Act + Assess
    await expect(invokeAsLambda(echo, big, 'echo', 5)).rejects.toMatchObject({ name: 'RequestEntityTooLargeException' });
    await expect(invokeAsLambda(() => Promise.resolve(big), {}, 'big', 5)).rejects.toMatchObject({ name: 'Function.ResponseSizeTooLarge' });
    await expect(invokeAsLambda(echo, { text: 'x'.repeat(5 * MB) }, 'echo', 5)).resolves.toEqual({ text: 'x'.repeat(5 * MB) });
  });
});

describe('the local API Gateway answers as the HTTP API does', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  /** The adapter in front of a stand-in function, with every token accepted. */
  async function gateway(invoke: (functionId: string, event: unknown) => Promise<unknown>, integrationTimeoutMs?: number): Promise<string> {
    const started = await serveApp({
      port: 0,
      webRoot: '/nonexistent',
      mailInboxUrl: 'http://localhost:0',
      lambdas: { invoke },
      signIn: { verify: () => Promise.resolve({ 'cognito:username': 'thu' }), issue: () => Promise.resolve('') },
      userPool: { account: () => undefined },
      integrationTimeoutMs,
    });
    server = started.server;
    return `http://127.0.0.1:${started.port}`;
  }
  const post = (base: string, body: string) => fetch(`${base}/api/submissions`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body });

  it('answers 503 when the function has not answered within the integration timeout', async () => {
    // Prepare
    const base = await gateway(never, 50);

    // Act
    const response = await post(base, '{}');

    // Assess
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });
  });

  it('refuses a body over 10 MB before any function runs, and an event over Lambda’s 6 MB', async () => {
    // Prepare: the function refuses as the runtime does past 6 MB
    let calls = 0;
    const base = await gateway((_id, event) => {
      calls++;
      return JSON.stringify(event).length > AWS_LIMITS.lambdaPayloadBytes
        ? invokeAsLambda(() => Promise.resolve({ statusCode: 200 }), event, 'f', 5)
        : Promise.resolve({ statusCode: 200, body: '{}' });
    });

    // Act
    const tooBig = await post(base, 'x'.repeat(10 * MB + 1));
    const overLambda = await post(base, 'x'.repeat(7 * MB));
    const fine = await post(base, 'x'.repeat(MB));

    // Assess
    expect([tooBig.status, overLambda.status, fine.status]).toEqual([413, 413, 200]);
    expect(await tooBig.json()).toEqual({ message: 'Request Entity Too Large' });
    expect(calls).toBe(2);
  });

  it('answers a function error with a bare 500 that tells nothing', async () => {
    // Prepare
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const base = await gateway(() => Promise.reject(new Error('secret-table ECONNREFUSED')));

    // Act
    const response = await post(base, '{}');

    // Assess
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"message":"Internal Server Error"}');
    log.mockRestore();
  });

  it('answers a malformed URL with a 400 and keeps serving: in a page path, in a path parameter (after the token check), in a sign-in body', async () => {
    // Prepare
    const base = await gateway(() => Promise.resolve({ statusCode: 200, body: '{}' }));

    // Act
    const page = await fetch(`${base}/%E0%A4%A`);
    const parameter = await fetch(`${base}/api/units/%E0%A4%A`, { headers: { authorization: 'Bearer t' } });
    const noToken = await fetch(`${base}/api/units/%E0%A4%A`);
    const notJson = await fetch(`${base}/local/sign-in`, { method: 'POST', body: 'userId=x' });
    const nullBody = await fetch(`${base}/local/sign-in`, { method: 'POST', body: 'null' });
    const stillUp = await fetch(`${base}/api/units/sadec`, { headers: { authorization: 'Bearer t' } });

    // Assess
    expect([page.status, parameter.status, noToken.status, notJson.status, nullBody.status, stillUp.status]).toEqual([400, 400, 401, 400, 400, 200]);
    expect(await parameter.json()).toEqual({ message: 'Đường dẫn không hợp lệ: có ký tự mã hóa sai.' });
    expect(((await nullBody.json()) as { message: string }).message).toMatch(/^Cần gửi tên đăng nhập/);
  });
});
