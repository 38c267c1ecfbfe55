/**
 * The one error type of the API. Services throw a Problem; the error handler turns it into an
 * RFC 9457 application/problem+json response carrying the request id. Messages are written for
 * the person at the screen: say what is wrong and, where it helps, what to do.
 */
export interface FieldError {
  /** Dotted path of the bad field, e.g. `body.labs.bilirubin.unit`. */
  path: string;
  message: string;
  /** Machine-readable kind, e.g. Zod's `too_small`, so a client can word it in its own language. */
  code?: string;
}

/**
 * What a problem may carry besides its message. `code` and `params` let a client show the message
 * in the reader's language (the web app translates known codes; `detail` stays the English text).
 */
export interface ProblemMore {
  code?: string;
  params?: Record<string, string | number>;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
}

export interface ProblemInit extends ProblemMore {
  status: number;
  slug: string;
  title: string;
  detail: string;
}

export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly code: string;
  readonly params: Record<string, string | number> | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(init: ProblemInit) {
    super(init.detail);
    this.status = init.status;
    this.type = problemType(init.slug);
    this.title = init.title;
    this.detail = init.detail;
    this.code = init.code ?? init.slug;
    this.params = init.params;
    this.errors = init.errors;
    this.extensions = init.extensions ?? {};
  }
}

/** Problem type URIs are URNs: stable names for integrators, not links. */
export function problemType(slug: string): string {
  return `urn:hepatica:problem:${slug}`;
}

export const badRequest = (detail: string, more?: ProblemMore) =>
  new Problem({ status: 400, slug: 'bad-request', title: 'Bad request', detail, ...more });

export const unauthorized = (detail = 'Please log in to continue.', more: ProblemMore = { code: 'auth.login_required' }) =>
  new Problem({ status: 401, slug: 'unauthorized', title: 'Not logged in', detail, ...more });

export const wrongPassword = (detail: string, more?: ProblemMore) =>
  new Problem({ status: 401, slug: 'wrong-password', title: 'Password not accepted', detail, ...more });

export const forbidden = (detail = 'Your role does not allow this action.') =>
  new Problem({ status: 403, slug: 'forbidden', title: 'Not allowed', detail });

/** Never says whether a record exists that the caller may not see. */
export const notFound = (what: string) =>
  new Problem({ status: 404, slug: 'not-found', title: 'Not found', detail: `${what} was not found.`, params: { what } });

export const conflict = (detail: string, more?: ProblemMore) =>
  new Problem({ status: 409, slug: 'conflict', title: 'Conflict', detail, ...more });

export const unprocessable = (detail: string, more?: ProblemMore) =>
  new Problem({ status: 422, slug: 'unprocessable', title: 'Cannot be processed', detail, ...more });

export const locked = (detail: string, more?: ProblemMore) =>
  new Problem({ status: 423, slug: 'account-locked', title: 'Account locked', detail, ...more });
