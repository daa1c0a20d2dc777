import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api.ts';
import { withRetries } from '../../web/src/retry.ts';

/** A server that answers each call in turn. */
function server(...answers: (number | 'ok')[]) {
  let calls = 0;
  const send = () => {
    const answer = answers[calls++];
    return answer === 'ok' ? Promise.resolve('stored') : Promise.reject(new ApiError(answer ?? 0, `HTTP ${answer}`));
  };
  return { send, calls: () => calls };
}

describe('the web app’s automatic retry', () => {
  it('sends again after a lost answer or a gateway timeout, and shows what the retry found', async () => {
    // Prepare
    const api = server(0, 503, 'ok');

    // Act
    const result = await withRetries(api.send, [0, 0]);

    // Assess
    expect(result).toBe('stored');
    expect(api.calls()).toBe(3);
  });

  it('never repeats a refusal, and gives up after its last try', async () => {
    // Prepare
    const refused = server(400, 'ok');
    const down = server(500, 500, 500, 'ok');

    // Act + Assess
    await expect(withRetries(refused.send, [0, 0])).rejects.toMatchObject({ status: 400 });
    expect(refused.calls()).toBe(1);
    await expect(withRetries(down.send, [0, 0])).rejects.toMatchObject({ status: 500 });
    expect(down.calls()).toBe(3);
  });
});
