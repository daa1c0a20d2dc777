/** The browser's side of the HTTP API: one place that adds the token and reads errors. */
export interface ApiError {
  status: number;
  message: string;
  issues?: { field: string; message: string }[];
}

export interface SignedInUser {
  userId: string;
  name: string;
  email: string;
  roles: string[];
  unitId: string;
  unitName: string;
}

export interface SubmissionView {
  submissionId: string;
  formId: string;
  formTitle: string;
  cycleId: string;
  submittedBy: { name: string };
  submittedAt: string;
  status: string;
  statusLabel: string;
  acknowledgedAt?: string;
}

const SESSION_KEY = 'session';

export function currentSession(): { token: string; user: SignedInUser } | undefined {
  const stored = localStorage.getItem(SESSION_KEY);
  return stored ? (JSON.parse(stored) as { token: string; user: SignedInUser }) : undefined;
}

export function saveSession(session: { token: string; user: SignedInUser } | undefined): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const token = currentSession()?.token;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw { status: 0, message: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.' } satisfies ApiError;
  }
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    if (response.status === 401) saveSession(undefined);
    throw {
      status: response.status,
      message: typeof payload.message === 'string' ? payload.message : 'Yêu cầu không thành công.',
      issues: payload.issues as ApiError['issues'],
    } satisfies ApiError;
  }
  return payload as T;
}
