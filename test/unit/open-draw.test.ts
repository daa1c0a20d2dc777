import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SAMPLING_RULE } from '../../domain/appraisal/draw.ts';
import type { DrawRecord } from '../../domain/appraisal/records.ts';
import { dynamo } from '../../functions/shared/config/config.ts';
import { openDraw } from '../../functions/shared/store/appraisals.ts';

const draw: DrawRecord = {
  cycleId: 'chi-doan-dat-chuan-2027-x',
  upperUnitId: 'tp',
  commitment: 'a'.repeat(64),
  rule: DEFAULT_SAMPLING_RULE,
  status: 'open',
  openedAt: '2027-01-05T01:00:00.000Z',
  openedBy: 'bithu-tp',
};

/** Every item a request would have written, by its sort key. */
function itemsOf(command: unknown): string[] {
  const input = (command as { input: { Item?: { sk: string }; TransactItems?: { Put?: { Item: { sk: string } } }[] } }).input;
  if (input.Item) return [input.Item.sk];
  return (input.TransactItems ?? []).flatMap((entry) => (entry.Put ? [entry.Put.Item.sk] : []));
}

describe('opening a draw', () => {
  beforeEach(() => vi.stubEnv('TABLE_NAME', 'recognition'));
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('writes the draw and its secret seed together, so a crash after the first write leaves neither alone', async () => {
    // Prepare: the table takes the first request, then the process dies (every later request fails).
    const written: string[] = [];
    let requests = 0;
    const send = (command: unknown) => {
      requests += 1;
      if (requests > 1) return Promise.reject(new Error('process killed'));
      written.push(...itemsOf(command));
      return Promise.resolve({});
    };
    vi.spyOn(dynamo(), 'send').mockImplementation(send as never);

    // Act
    await openDraw(draw, 'b'.repeat(64)).catch(() => undefined);

    // Assess: whatever reached the table holds the draw and its seed, or nothing.
    expect(written.length === 0 || written.length === 2, `written: ${written.join(', ')}`).toBe(true);
    expect(written.some((sk) => /SEED/.test(sk))).toBe(written.length > 0);
  });
});
