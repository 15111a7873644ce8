import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Lets `text/csv` request bodies through as text (the duties import). Fastify reads only JSON and plain text by
 * itself; the body limit stays the application's.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const instance = this.adapterHost.httpAdapter?.getInstance?.<FastifyInstance>() as
      FastifyInstance | undefined;
    if (!instance?.addContentTypeParser || instance.hasContentTypeParser('text/csv')) return;
    instance.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
  }
}
