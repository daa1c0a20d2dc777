import { apiUrl } from './config.ts';

/** The browser's side of the HTTP API: one place that adds the token and reads errors. */
/** A refused or failed request, with the server's Vietnamese message and field issues. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
    readonly issues?: { field: string; message: string }[],
    /** The whole answer, for pages that show more than a message (an import's row report). */
    readonly payload?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * API Gateway answers some requests itself, in English ("Request Entity Too Large", "Service
 * Unavailable"); our functions always name their error. Those are worded here for people.
 */
const GATEWAY_MESSAGES: Record<number, string> = {
  401: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  403: 'Tài khoản của bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy địa chỉ này.',
  413: 'Nội dung gửi lên quá lớn (tối đa 10 MB). Hãy bớt tệp hoặc chia thành nhiều lần gửi.',
  429: 'Hệ thống đang nhận quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
};
const UNAVAILABLE = 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.';

export function messageOf(status: number, payload: Record<string, unknown>): string {
  if (typeof payload.error === 'string' && typeof payload.message === 'string') return payload.message;
  return GATEWAY_MESSAGES[status] ?? (status >= 500 ? UNAVAILABLE : 'Yêu cầu không thành công. Vui lòng thử lại.');
}

export interface SignedInUser {
  userId: string;
  name: string;
  email: string;
  roles: string[];
  unitId: string;
  unitName: string;
  /** The unit's kind, where the sign-in page knows it (its role then reads "Bí thư Chi đoàn"). */
  unitKind?: string;
}

export interface SubmissionView {
  submissionId: string;
  formId: string;
  unitId: string;
  version: number;
  supersededBy?: string;
  data: Record<string, unknown>;
  formTitle: string;
  cycleId: string;
  submittedBy: { name: string };
  submittedAt: string;
  status: string;
  /** The status as the process has it ("returned", "criteria-failed"), else the status. */
  shownStatus: string;
  statusLabel: string;
  returnReason?: string;
  reference?: string;
  acknowledgedAt?: string;
  criteria?: { number: number; pass: boolean; reason: string }[];
  refusal?: string;
}

const SESSION_KEY = 'session';

export function currentSession(): { token: string; user: SignedInUser } | undefined {
  const stored = localStorage.getItem(SESSION_KEY);
  return stored ? (JSON.parse(stored) as { token: string; user: SignedInUser }) : undefined;
}

export const SESSION_EVENT = 'session-changed';

/** Stores (or clears) the session and tells the app, which re-renders on the event. */
export function saveSession(session: { token: string; user: SignedInUser } | undefined): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
  window.dispatchEvent(new Event(SESSION_EVENT));
}

export async function request<T>(method: string, path: string, body?: unknown, options: { keepalive?: boolean } = {}): Promise<T> {
  const token = currentSession()?.token;
  let response: Response;
  try {
    response = await fetch(path.startsWith('/api/') ? apiUrl(path) : path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      keepalive: options.keepalive,
    });
  } catch {
    throw new ApiError(0, 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    if (response.status === 401) saveSession(undefined);
    throw new ApiError(response.status, messageOf(response.status, payload), payload.issues as ApiError['issues'], payload);
  }
  return payload as T;
}

/** Downloads a file from the API (a template, an Excel export) under the name the server gives. */
export async function download(path: string): Promise<void> {
  const token = currentSession()?.token;
  const response = await fetch(apiUrl(path), { headers: token ? { authorization: `Bearer ${token}` } : {} }).catch(() => undefined);
  if (!response?.ok) throw new ApiError(response?.status ?? 0, 'Không tải được tệp. Vui lòng thử lại.');
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'tep';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
