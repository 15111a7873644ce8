import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
  Injectable,
  Logger,
  Optional,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDuplicateKey } from '../database/duplicate-key';
import { DomainError } from './domain-error';
import { problem, PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';

/**
 * Pages (not /api) may answer errors as HTML. The web library provides this; the filter stays
 * ignorant of templates.
 */
export const HTML_ERROR_RENDERER = Symbol('HTML_ERROR_RENDERER');
export interface HtmlErrorRenderer {
  /** Returns true when it answered the request itself. */
  render(request: FastifyRequest, reply: FastifyReply, problem: ProblemDetails): boolean;
}

/** Maps anything thrown to RFC 9457 problem details; the only place that decides an error's status. */
@Catch()
@Injectable()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Optional() @Inject(HTML_ERROR_RENDERER) private readonly html?: HtmlErrorRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.respond(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /** Answers an error: problem+json, or an HTML page where the web library renders one. */
  respond(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const body = this.toProblem(exception, request);
    if (body.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'unhandled error');
    }
    if (reply.sent) return;
    if (body.code === 'rate.limited' && !reply.getHeader('retry-after')) {
      reply.header('Retry-After', '60');
    }
    if (this.html?.render(request, reply, body)) return;
    void reply.status(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
  }

  toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    const instance = request.url?.split('?')[0];
    const requestId = String(request.id);
    if (exception instanceof DomainError) {
      return problem(exception.status, exception.code, exception.message, {
        instance,
        errors: exception.details.errors,
      });
    }
    if (exception instanceof ThrottlerException) {
      return problem(429, 'rate.limited', 'Too many requests. Please wait a moment and try again.', {
        instance,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return problem(status, httpCode(status), httpDetail(exception), { instance });
    }
    if (isDuplicateKey(exception)) {
      return problem(409, 'resource.conflict', 'This already exists.', { instance });
    }
    const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return problem(fastifyStatus, httpCode(fastifyStatus), fastifyDetail(fastifyStatus), { instance });
    }
    return problem(
      500,
      'server.error',
      `Something went wrong on our side. Quote reference ${requestId} if you report it.`,
      {
        instance,
        requestId,
      },
    );
  }
}

function httpCode(status: number): string {
  switch (status) {
    case 400:
      return 'request.malformed';
    case 401:
      return 'auth.unauthenticated';
    case 403:
      return 'auth.forbidden';
    case 404:
      return 'resource.not-found';
    case 409:
      return 'resource.conflict';
    case 413:
      return 'request.too-large';
    case 415:
      return 'request.unsupported-media-type';
    case 429:
      return 'rate.limited';
    default:
      return status >= 500 ? 'server.error' : 'request.rejected';
  }
}

function httpDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (exception.getStatus() === 404) return 'There is nothing at this address.';
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return exception.message;
}

function fastifyDetail(status: number): string {
  switch (status) {
    case 400:
      return 'The request body could not be read. Send valid JSON.';
    case 413:
      return 'The request body is too large.';
    case 415:
      return 'This content type is not supported. Send application/json.';
    default:
      return 'The request was rejected.';
  }
}
