import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../functions/shared/store/cache.ts';

describe('TtlCache', () => {
  it('loads once within its lifetime, again after it, and never keeps a failure', async () => {
    // Prepare
    let clock = 0;
    let loads = 0;
    const cache = new TtlCache<number>(1000, 10, () => clock);
    const load = () => Promise.resolve(++loads);
    const failing = () => Promise.reject(new Error('down'));

    // Act
    const first = await cache.get('a', load);
    const second = await cache.get('a', load);
    clock = 1001;
    const third = await cache.get('a', load);
    await expect(cache.get('b', failing)).rejects.toThrow('down');
    const afterFailure = await cache.get('b', load);

    // Assess
    expect([first, second, third, afterFailure]).toEqual([1, 1, 2, 3]);
  });
});
