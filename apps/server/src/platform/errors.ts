/**
 * The one error type of the API. Services throw a Problem; the error handler turns it into an
 * RFC 9457 application/problem+json response carrying the request id. Messages are written for
 * the person at the screen: say what is wrong and, where it helps, what to do.
 */
export interface FieldError {
  /** Dotted path of the bad field, e.g. `body.labs.bilirubin.unit`. */
  path: string;
  message: string;
}

export interface ProblemInit {
  status: number;
  slug: string;
  title: string;
  detail: string;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
}

export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(init: ProblemInit) {
    super(init.detail);
    this.status = init.status;
    this.type = problemType(init.slug);
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.extensions = init.extensions ?? {};
  }
}

/** Problem type URIs are URNs: stable names for integrators, not links. */
export function problemType(slug: string): string {
  return `urn:hepatica:problem:${slug}`;
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new Problem({ status: 400, slug: 'bad-request', title: 'Bad request', detail, errors });

export const unauthorized = (detail = 'Please log in to continue.') =>
  new Problem({ status: 401, slug: 'unauthorized', title: 'Not logged in', detail });

export const wrongPassword = (detail: string) =>
  new Problem({ status: 401, slug: 'wrong-password', title: 'Password not accepted', detail });

export const forbidden = (detail = 'Your role does not allow this action.') =>
  new Problem({ status: 403, slug: 'forbidden', title: 'Not allowed', detail });

/** Never says whether a record exists that the caller may not see. */
export const notFound = (what: string) =>
  new Problem({ status: 404, slug: 'not-found', title: 'Not found', detail: `${what} was not found.` });

export const conflict = (detail: string, extensions?: Record<string, unknown>) =>
  new Problem({ status: 409, slug: 'conflict', title: 'Conflict', detail, extensions });

export const unprocessable = (detail: string, errors?: FieldError[]) =>
  new Problem({ status: 422, slug: 'unprocessable', title: 'Cannot be processed', detail, errors });

export const locked = (detail: string) =>
  new Problem({ status: 423, slug: 'account-locked', title: 'Account locked', detail });
