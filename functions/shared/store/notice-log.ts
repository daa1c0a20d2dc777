import { queryAll } from './table.ts';
import { partitions, recordOf } from './keys.ts';

/** A deadline digest as the notice log shows it: to whom, when, what it listed, whether it went out. */
export interface DigestRecord {
  noticeId: string;
  asOf: string;
  recipientUnitId: string;
  recipientName: string;
  to: string[];
  subject: string;
  status: 'pending' | 'sent';
  sentAt?: string;
  lines: { kind: string; duty: string; subjectUnitId: string; subjectName: string; deadline: string; days: number }[];
}

/** The digests sent to one unit, newest first (the last 60): one index query. */
export async function listDigestsSentTo(unitId: string): Promise<DigestRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :unit',
    ExpressionAttributeValues: { ':unit': partitions.sentTo(unitId) },
    ScanIndexForward: false,
    Limit: 60,
  });
  return items.slice(0, 60).map((item) => {
    const { html: _html, text: _text, createdAt: _created, kind: _kind, ...record } = recordOf<DigestRecord & { html: string; text: string; createdAt: string; kind: string }>(item);
    return record;
  });
}
