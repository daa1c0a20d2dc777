import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import startSesServer from 'aws-ses-v2-local';

/** The local SES v2 endpoint; its inbox page is at the root URL. Mail lives in memory. */
export async function startMail(port: number): Promise<{ server: Server; port: number }> {
  const server = await startSesServer({ host: '127.0.0.1', port });
  return { server, port: (server.address() as AddressInfo).port };
}
