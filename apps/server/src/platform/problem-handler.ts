/** Turns every error into an RFC 9457 problem+json response; 500s never show internals. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Problem, problemType, type FieldError } from './errors';

function send(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: problem.type,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: request.url.split('?')[0],
      requestId: request.id,
      code: problem.code,
      ...(problem.params ? { params: problem.params } : {}),
      ...(problem.errors ? { errors: problem.errors } : {}),
      ...problem.extensions,
    });
}

function validationProblem(error: FastifyError): Problem {
  const errors: FieldError[] = [];
  if (hasZodFastifySchemaValidationErrors(error)) {
    for (const v of error.validation) {
      const where = error.validationContext ?? 'body';
      const path = String(v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
      errors.push({ path: path ? `${where}.${path}` : where, message: v.message ?? 'Invalid value', code: v.keyword });
    }
  }
  const detail = errors.length
    ? `Please correct: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}.`
    : 'The request is not valid.';
  return new Problem({ status: 400, slug: 'validation', title: 'Invalid request', detail, errors });
}

const FASTIFY_CODES: Record<string, { status: number; slug: string; title: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, slug: 'too-large', title: 'Request too large', detail: 'The request body is larger than this server accepts.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, slug: 'media-type', title: 'Unsupported media type', detail: 'Send the body as application/json.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, slug: 'bad-request', title: 'Bad request', detail: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, slug: 'bad-request', title: 'Bad request', detail: 'The body is not valid JSON.' },
};

function toProblem(error: FastifyError): Problem | null {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error) || error.validation) return validationProblem(error);
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return new Problem(known);
  if (error.statusCode === 400 && error.message.includes('JSON')) return new Problem(FASTIFY_CODES.FST_ERR_CTP_INVALID_JSON_BODY!);
  if (postgresCode(error) === '23505') {
    return new Problem({ status: 409, slug: 'conflict', title: 'Conflict', detail: 'A record with the same identifier already exists.' });
  }
  if (error.statusCode === 429) return new Problem({ status: 429, slug: 'rate-limited', title: 'Too many requests', detail: 'Too many requests; wait a moment and try again.' });
  return null;
}

/** Drizzle wraps driver errors; the PostgreSQL SQLSTATE sits on the error or its cause. */
function postgresCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e.code === 'string' ? e.code : e.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem) return send(reply, request, problem);
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    return send(
      reply,
      request,
      new Problem({
        status: 500,
        slug: 'internal',
        title: 'Internal error',
        detail: `Something went wrong on the server. Quote request id ${request.id} to support.`,
      }),
    );
  });
}

export function notFoundProblem(request: FastifyRequest, reply: FastifyReply) {
  return send(
    reply,
    request,
    new Problem({ status: 404, slug: 'not-found', title: 'Not found', detail: `There is no ${request.method} ${request.url.split('?')[0]}.` }),
  );
}

export { problemType };
