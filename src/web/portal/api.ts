/** The portal's calls to the public API: plain fetch, no session, errors as Vietnamese messages. */
import type {
  ChallengeResponse,
  CreatedReport,
  CreatePublicReportBody,
  FeedbackBody,
  PublicPost,
  PublicReportView,
  StatisticsResponse,
  UploadLimits,
} from '../../contracts/portal';

export class PortalError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', ...(init.headers ?? {}) },
    });
  } catch {
    throw new PortalError(
      'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại: thông tin bạn đã nhập vẫn còn.',
      0,
    );
  }
  const body = (await response.json().catch(() => undefined)) as
    | (T & { code?: string; message?: string; field?: string })
    | undefined;
  if (response.ok) return body as T;
  throw new PortalError(
    body?.message ?? `Máy chủ trả lời mã ${response.status}`,
    response.status,
    body?.field,
    body?.code,
  );
}

export interface Place {
  code: string;
  name: string;
}

export const portalApi = {
  categories: () => call<Array<{ code: string; label: string }>>('/api/public/categories'),
  provinces: () => call<Place[]>('/api/public/places'),
  communes: (province: string) => call<Place[]>(`/api/public/places/${province}`),
  challenge: () => call<ChallengeResponse>('/api/public/challenge'),
  uploadLimits: () => call<UploadLimits>('/api/public/upload-limits'),
  send: (body: CreatePublicReportBody, key: string) =>
    call<CreatedReport>('/api/public/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    }),
  follow: (code: string, secret: string) =>
    call<PublicReportView>(`/api/public/reports/${encodeURIComponent(code)}`, {
      headers: { 'x-report-secret': secret },
    }),
  reply: (code: string, secret: string, text: string) =>
    call<PublicReportView>(`/api/public/reports/${encodeURIComponent(code)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-report-secret': secret },
      body: JSON.stringify({ body: text }),
    }),
  attach: (code: string, secret: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return call<PublicReportView>(`/api/public/reports/${encodeURIComponent(code)}/files`, {
      method: 'POST',
      headers: { 'x-report-secret': secret },
      body: form,
    });
  },
  posts: (page = 1) =>
    call<{ items: Array<Omit<PublicPost, 'body'>>; total: number }>(
      `/api/public/posts?page=${page}&pageSize=10`,
    ),
  statistics: (year: number, province: string) =>
    call<StatisticsResponse>(`/api/public/statistics?year=${year}&province=${encodeURIComponent(province)}`),
  post: (id: string) => call<PublicPost>(`/api/public/posts/${encodeURIComponent(id)}`),
  feedback: (body: FeedbackBody) =>
    call<{ received: boolean; receivedAt: string }>('/api/public/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
};

/** Finds the proof-of-work nonce in a worker, reporting progress 0–1. */
export async function solveChallenge(
  onProgress: (progress: number) => void,
): Promise<{ token: string; nonce: number } | undefined> {
  const challenge = await portalApi.challenge();
  if (challenge.difficulty === 0) return undefined;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ done: boolean; nonce?: number; progress?: number }>) => {
      if (event.data.done) {
        worker.terminate();
        onProgress(1);
        resolve({ token: challenge.token, nonce: event.data.nonce! });
      } else onProgress(event.data.progress ?? 0);
    };
    worker.onerror = () => {
      worker.terminate();
      reject(
        new PortalError(
          'Trình duyệt không chạy được bước kiểm tra chống gửi tự động, hãy thử trình duyệt khác.',
          0,
        ),
      );
    };
    worker.postMessage({ token: challenge.token, difficulty: challenge.difficulty });
  });
}

export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;
const two = (value: number) => String(value).padStart(2, '0');
export function formatMoment(iso: string): string {
  const moment = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
  return `${two(moment.getUTCHours())}:${two(moment.getUTCMinutes())} ${two(moment.getUTCDate())}/${two(moment.getUTCMonth() + 1)}/${moment.getUTCFullYear()}`;
}
