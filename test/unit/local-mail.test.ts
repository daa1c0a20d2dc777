import type { Server } from 'node:http';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMail } from '../../infra/local/mail.ts';

let server: Server;
let client: SESv2Client;
let inboxUrl: string;

beforeAll(async () => {
  const started = await startMail(0);
  server = started.server;
  inboxUrl = `http://127.0.0.1:${started.port}`;
  client = new SESv2Client({ endpoint: inboxUrl, region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const to = (count: number) => Array.from({ length: count }, (_, i) => `nguoi${i}@doan.example`);
const send = (addresses: string[]) =>
  client.send(
    new SendEmailCommand({
      FromEmailAddress: 'khong-tra-loi@doan.example',
      Destination: { ToAddresses: addresses.slice(0, 40), BccAddresses: addresses.slice(40) },
      Content: { Simple: { Subject: { Data: 'Thử' }, Body: { Text: { Data: 'Nội dung' } } } },
    }),
  );

describe('the local SES endpoint refuses what SES refuses', () => {
  it('refuses a message to more than 50 recipients in all, with MessageRejected', async () => {
    // Act + Assess
    await expect(send(to(51))).rejects.toMatchObject({ name: 'MessageRejected' });
  });

  it('delivers one to 50 into the inbox', async () => {
    // Act
    const sent = await send(to(50));

    // Assess
    expect(sent.MessageId).toBeTruthy();
    const { emails } = (await (await fetch(`${inboxUrl}/store`)).json()) as { emails: { messageId: string }[] };
    expect(emails.map((mail) => mail.messageId)).toContain(sent.MessageId);
  });
});
