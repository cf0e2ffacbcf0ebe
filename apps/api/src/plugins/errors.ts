import type { ErrorBody } from '@barometer/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.ts';

/** One error shape end to end; a 5xx never leaks its message. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    let status = error.statusCode ?? 500;
    let body: ErrorBody;
    if (error instanceof HttpError) {
      body = { error: { code: error.code, message: error.message } };
    } else if (status < 500) {
      // Fastify's own 4xx (bad JSON, wrong content type, body too large) carry safe messages.
      body = {
        error: { code: (error.code ?? 'bad_request').toLowerCase(), message: error.message },
      };
    } else {
      status = 500;
      body = { error: { code: 'internal_error', message: 'something went wrong on our side' } };
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.error.code }, body.error.message);
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: { code: 'not_found', message: `no route for ${request.method} ${request.url}` },
    };
    return reply.status(404).send(body);
  });
}
