/**
 * One idempotency key per thing being sent, kept for the tab's life: a double tap or a retried
 * request sends the same key, so the server stores it once. Forget it once the send succeeded.
 */
export function idempotencyKeyFor(name: string): string {
  const storage = `idempotency-key:${name}`;
  let key = sessionStorage.getItem(storage);
  if (!key) {
    key = crypto.randomUUID();
    sessionStorage.setItem(storage, key);
  }
  return key;
}

export function forgetIdempotencyKey(name: string): void {
  sessionStorage.removeItem(`idempotency-key:${name}`);
}
