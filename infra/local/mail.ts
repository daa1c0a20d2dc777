import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesModule from 'aws-ses-v2-local';

// A CommonJS module with an ES "default" export: Node's ESM loader hands us module.exports.
const startSesServer =
  (sesModule as unknown as { default?: typeof sesModule }).default ?? sesModule;

/** The local SES v2 endpoint; its inbox page is at the root URL. Mail lives in memory. */
export async function startMail(port: number): Promise<{ server: Server; port: number }> {
  const server = await startSesServer({ host: '127.0.0.1', port });
  return { server, port: (server.address() as AddressInfo).port };
}
