import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable, of } from 'rxjs';
import { SearchCache } from './search-cache';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The public listing's answer as sent, reused for the cache's horizon: a request for the very same URL is
 * answered with the serialised body before validation and the handler run (they ran, and passed, when it
 * was stored). Interceptors run after guards, so access rules still apply first. Only successful answers are
 * kept; the cache empties at every committed change, like the search answers themselves.
 */
@Injectable()
export class ListingAnswerInterceptor implements NestInterceptor {
  constructor(private readonly cache: SearchCache) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const key = `answer ${request.method} ${request.url}`;
    const body = this.cache.peek<string>(key);
    if (body !== undefined) {
      reply.type(JSON_TYPE);
      return of(body);
    }
    const mark = this.cache.mark();
    return next.handle().pipe(
      map((answer: unknown) => {
        const serialised = JSON.stringify(answer);
        this.cache.remember(key, serialised, mark, typeof answer === 'object' && answer ? answer : undefined);
        reply.type(JSON_TYPE);
        return serialised;
      }),
    );
  }
}
