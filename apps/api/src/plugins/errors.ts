import { isRedisUnavailable } from '@barometer/bus';
import type { ErrorBody } from '@barometer/core';
import { isDatabaseUnavailable } from '@barometer/db';
import type { FastifyError, FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { HttpError } from '../http-error.ts';

const PARTS: Record<string, string> = {
  body: 'the form',
  querystring: 'the filters',
  params: 'the address',
};

/** A store that is down is not our bug: 503 and words an officer can act on. */
function unavailable(error: unknown): ErrorBody | null {
  if (isDatabaseUnavailable(error)) {
    return {
      error: {
        code: 'unavailable',
        message: 'The database is not answering right now. Nothing is lost; try again in a minute.',
      },
    };
  }
  if (isRedisUnavailable(error)) {
    return {
      error: {
        code: 'unavailable',
        message:
          'The job queue is not answering right now. Nothing is lost; try again in a minute.',
      },
    };
  }
  return null;
}

/** One error shape end to end; a 5xx never leaks its message. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    let status = error.statusCode ?? 500;
    let body: ErrorBody;
    const outage = error instanceof HttpError ? null : unavailable(error);
    if (outage) {
      request.log.warn({ code: 'unavailable', err: error }, outage.error.message);
      return reply.status(503).header('retry-after', '30').send(outage);
    }
    if (error instanceof HttpError) {
      body = {
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        },
      };
      if (error.retryAfterSeconds !== undefined) {
        reply.header('retry-after', String(error.retryAfterSeconds));
      }
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      // The schemas carry messages written for people ("Give the source a name"); keep the first
      // per field, and name the field in the summary for API users.
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
        fields[field] ??= issue.message ?? 'is not valid';
      }
      const part = PARTS[error.validationContext ?? ''] ?? 'the request';
      const summary = Object.entries(fields)
        .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`))
        .join('; ');
      body = { error: { code: 'validation_error', message: `Check ${part}: ${summary}`, fields } };
    } else if (isResponseSerializationError(error)) {
      status = 500;
      body = { error: { code: 'internal_error', message: 'something went wrong on our side' } };
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
