import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable, of } from 'rxjs';
import type { ListingBody } from './catalogue-search.service';
import { LISTING_TYPE, ListingAnswers } from './listing-answers';

/**
 * The public listing's answer as sent, reused for the cache's horizon: a request for the very same URL is
 * answered with the serialised body before validation and the handler run (they ran, and passed, when it
 * was stored). Interceptors run after guards, so access rules still apply first. Most listings are answered
 * before Nest by ListingFastRoute; this serves the rest (and runs where the fast route is off).
 */
@Injectable()
export class ListingAnswerInterceptor implements NestInterceptor {
  constructor(private readonly answers: ListingAnswers) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.answers.cached(request.url);
    if (body !== undefined) {
      reply.type(LISTING_TYPE);
      return of(body.bytes());
    }
    const mark = this.answers.mark();
    return next.handle().pipe(
      map((answer: ListingBody) => {
        reply.type(LISTING_TYPE);
        this.answers.keep(request.url, answer, mark);
        return answer.bytes();
      }),
    );
  }
}
