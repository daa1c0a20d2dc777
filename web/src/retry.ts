import { ApiError } from './api.ts';

/** Answers that may hide a stored request: no answer at all, or the gateway or server gave up. */
export const isTransient = (error: unknown): boolean => error instanceof ApiError && (error.status === 0 || error.status >= 500);

/**
 * Sends again, the very same request (same idempotency key), when the answer was lost or the
 * server gave up: a request that timed out may have been stored, and the retry then finds it
 * and shows it as received. A refusal (4xx) is final.
 */
export async function withRetries<T>(send: () => Promise<T>, delaysMs: readonly number[] = [1_000, 3_000]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isTransient(error) || attempt >= delaysMs.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
    }
  }
}
