import { describe, expect, it } from 'vitest';
import { ApiError, messageOf } from '../../web/src/api.ts';
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

describe('messageOf', () => {
  it("keeps the functions' own Vietnamese and words API Gateway's English answers", () => {
    // Act
    const ours = messageOf(400, { error: 'ValidationError', message: 'Thiếu tên tệp.' });
    const tooLarge = messageOf(413, { message: 'Request Entity Too Large' });
    const unavailable = messageOf(503, { message: 'Service Unavailable' });

    // Assess
    expect(ours).toBe('Thiếu tên tệp.');
    expect(tooLarge).toBe('Nội dung gửi lên quá lớn (tối đa 10 MB). Hãy bớt tệp hoặc chia thành nhiều lần gửi.');
    expect(unavailable).toBe('Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.');
  });
});
