/**
 * Typed fetch wrapper for the Hepatica API (`/api/v1`). Sends and receives JSON with the session cookie;
 * every non-2xx answer becomes an `ApiProblem` carrying the RFC 9457 problem+json fields, so forms can show
 * the detail and each field error. The problem's `code` and `params` (and each field error's `code`) let the
 * UI word the message in the reader's language; `detail` and `message` are the server's English text.
 */

export interface FieldError {
  path: string;
  message: string;
  /** Machine-readable kind, e.g. Zod's `too_small` or `password_policy`. */
  code?: string;
}

export type ProblemParams = Record<string, string | number>;

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  /** Machine-readable problem, e.g. `custody.scan_mismatch`. */
  code?: string;
  /** Values the message is built from, e.g. `{ din, scannedDin }`. */
  params?: Record<string, unknown>;
  errors?: FieldError[];
}

/** Keeps only well-formed field errors (the body is untrusted JSON). */
function readFieldErrors(errors: unknown): FieldError[] {
  if (!Array.isArray(errors)) return [];
  return errors
    .filter(
      (e): e is FieldError => typeof e === 'object' && e !== null && typeof (e as FieldError).message === 'string',
    )
    .map((e) => ({
      path: typeof e.path === 'string' ? e.path : '',
      message: e.message,
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
    }));
}

/** Keeps only string and number parameters: they are interpolated into translated text. */
function readParams(params: unknown): ProblemParams {
  const out: ProblemParams = {};
  if (typeof params !== 'object' || params === null) return out;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) out[key] = value;
  }
  return out;
}

/** An RFC 9457 problem returned by the server (or synthesised for network failures, status 0). */
export class ApiProblem extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly params: ProblemParams;
  readonly requestId: string | undefined;
  readonly errors: FieldError[];

  constructor(status: number, body: ProblemBody) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = body.status ?? status;
    this.type = body.type ?? 'about:blank';
    this.title = body.title ?? `HTTP ${status}`;
    this.detail = body.detail;
    this.code = typeof body.code === 'string' ? body.code : undefined;
    this.params = readParams(body.params);
    this.requestId = typeof body.requestId === 'string' ? body.requestId : undefined;
    this.errors = readFieldErrors(body.errors);
  }
}

export const API_BASE = '/api/v1';

type Query = Record<string, string | number | undefined | null>;

/** Builds `/api/v1/<path>?<query>` leaving out empty query values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readProblem(res: Response): Promise<ApiProblem> {
  let body: ProblemBody = { title: res.statusText || undefined };
  try {
    const text = await res.text();
    if (text) body = JSON.parse(text) as ProblemBody;
  } catch {
    // Not JSON (e.g. a proxy error page): keep the status line as the title.
  }
  return new ApiProblem(res.status, body);
}

/** Calls the API and returns the parsed JSON body (undefined for 204). */
export async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    // Lets the server word its problem details in the reader's language where it can.
    'Accept-Language': document.documentElement.lang || 'en',
  };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), init);
  } catch (err) {
    throw new ApiProblem(0, { title: 'Network error', detail: err instanceof Error ? err.message : String(err) });
  }
  if (!res.ok) throw await readProblem(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
};

/** True when `err` is an ApiProblem with the given status. */
export function isProblem(err: unknown, status?: number): err is ApiProblem {
  return err instanceof ApiProblem && (status === undefined || err.status === status);
}
