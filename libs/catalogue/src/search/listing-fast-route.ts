import { Injectable, type OnModuleInit } from '@nestjs/common';
import { createValidationPipe, DomainError, FastRoutes } from '@academy/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CatalogueSearchService, type ListingBody } from './catalogue-search.service';
import { CourseSearchQuery, readPlainQuery } from './dto/course-search.query';
import { LISTING_PATH, LISTING_TYPE, ListingAnswers } from './listing-answers';

/**
 * GET /api/catalogue/courses answered before the Nest pipeline (see FastRoutes): the query read as the
 * validation pipe reads it (plain forms directly, anything else by the same pipe), the same search and the same serialised answers as the controller's route. A query the pipe
 * refuses, or a search that refuses it (a day that does not exist), goes on to the route, which answers it
 * with its problem+json.
 */
@Injectable()
export class ListingFastRoute implements OnModuleInit {
  private readonly pipe = createValidationPipe();

  constructor(
    private readonly routes: FastRoutes,
    private readonly answers: ListingAnswers,
    private readonly search: CatalogueSearchService,
  ) {}

  onModuleInit(): void {
    this.routes.get(LISTING_PATH, (request, reply) => this.answer(request, reply));
  }

  private async answer(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    let body = this.answers.cached(request.url);
    if (body === undefined) {
      const raw = request.query as Record<string, unknown>;
      let query = readPlainQuery(raw);
      try {
        query ??= (await this.pipe.transform(raw, {
          type: 'query',
          metatype: CourseSearchQuery,
        })) as CourseSearchQuery;
      } catch {
        return false;
      }
      const mark = this.answers.mark();
      let answer: ListingBody;
      try {
        answer = await this.search.listingBody(query);
      } catch (error) {
        if (error instanceof DomainError) return false;
        throw error;
      }
      this.answers.keep(request.url, answer, mark);
      body = answer;
    }
    void reply.type(LISTING_TYPE).send(body.bytes());
    return true;
  }
}
