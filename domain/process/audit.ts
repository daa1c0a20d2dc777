import { createHash } from 'node:crypto';
import type { Actor } from './transitions.ts';
import type { Standing } from './states.ts';

/**
 * A unit's history, append-only and hash-chained: each entry carries the hash of the one before,
 * and its own hash covers everything in it, so changing, removing or reordering any entry breaks
 * every hash after it. Server-side only (node:crypto); the web app shows what the API verified.
 */
export interface AuditEntry {
  unitId: string;
  /** 1, 2, 3… with no gaps. */
  seq: number;
  eventId: string;
  cycleId: string;
  at: string;
  actor: Pick<Actor, 'userId' | 'name'>;
  summary: string;
  before?: Pick<Standing, 'state' | 'version'>;
  /** Absent for an entry that moves no standing (a cadre's visit: its `visitId`). */
  after?: Pick<Standing, 'state' | 'version'>;
  visitId?: string;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys in a fixed order at every depth, so the same entry always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashOf(entry: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonical(entry)).digest('hex');
}

export function sealEntry(entry: Omit<AuditEntry, 'hash'>): AuditEntry {
  return { ...entry, hash: hashOf(entry) };
}

export interface ChainVerdict {
  valid: boolean;
  entries: number;
  /** The first entry that does not hold, and why. */
  broken?: { seq: number; reason: string };
}

/** Walks a unit's chain in order and checks every link and every hash. */
export function verifyChain(entries: AuditEntry[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const { hash, ...rest } = entry;
    if (entry.seq !== index + 1) return { valid: false, entries: entries.length, broken: { seq: entry.seq, reason: `Thiếu hoặc sai thứ tự: mong đợi mục ${index + 1}.` } };
    if (entry.prevHash !== prevHash) return { valid: false, entries: entries.length, broken: { seq: entry.seq, reason: 'Không khớp với mục trước.' } };
    if (hashOf(rest) !== hash) return { valid: false, entries: entries.length, broken: { seq: entry.seq, reason: 'Nội dung đã bị thay đổi.' } };
    prevHash = hash;
  }
  return { valid: true, entries: entries.length };
}
