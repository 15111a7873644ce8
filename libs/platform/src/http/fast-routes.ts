import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Answers a request itself and resolves true, or resolves false (or rejects) and leaves it to the Nest route
 * of the same path, which then answers as if the handler were not there.
 */
export type FastRouteHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

/**
 * A few hot, public GET routes answered in Fastify's first onRequest hook, before the Nest pipeline
 * (middleware, guards, pipes, interceptors): the public catalogue listing is asked thousands of times a second
 * at peaks, and the pipeline cost more than the answer. Each path keeps its Nest route — the documented one,
 * in OpenAPI — and the handler only answers what it can answer exactly as that route would (same validation,
 * same service, same body); anything else (a refused query, a failure) goes on to the route, which answers as
 * usual, problem+json included. Security headers, the request id and the metrics hooks still run (see
 * createApplication); the access log line is written here, as pino-http would for the route.
 */
@Injectable()
export class FastRoutes {
  /** Off: every request goes through Nest (the tests compare both ways). */
  enabled = true;
  private readonly routes = new Map<string, FastRouteHandler>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Registers the handler of GET `path` (exact path, any query string). */
  get(path: string, handler: FastRouteHandler): void {
    if (this.routes.has(path)) throw new Error(`a fast route for GET ${path} is already registered`);
    this.routes.set(path, handler);
  }

  handlerFor(request: FastifyRequest): FastRouteHandler | undefined {
    if (!this.enabled || request.method !== 'GET' || this.routes.size === 0) return undefined;
    const url = request.url;
    const query = url.indexOf('?');
    return this.routes.get(query < 0 ? url : url.slice(0, query));
  }

  /**
   * Runs `handler` (from handlerFor) on `request`: true when it answered. Its failures are logged and the
   * request goes on to Nest, which meets the same trouble and reports it in its own way.
   */
  async answer(handler: FastRouteHandler, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const logger = PinoLogger.root;
    const req = () => ({ id: request.id, method: request.method, url: request.url.split('?')[0] });
    let answered = false;
    if (logger.isLevelEnabled('info')) {
      // Before the handler: the answer may be written at once. Unanswered, pino-http logs the Nest route.
      reply.raw.once('finish', () => {
        if (!answered) return;
        logger.info(
          {
            app: this.config.app,
            req: req(),
            res: { statusCode: reply.statusCode },
            responseTime: Math.round(reply.elapsedTime),
          },
          'request completed',
        );
      });
    }
    try {
      answered = await handler(request, reply);
    } catch (error) {
      logger.warn(
        { app: this.config.app, err: error, req: req() },
        'fast route failed; the Nest route answers',
      );
    }
    return answered;
  }
}
