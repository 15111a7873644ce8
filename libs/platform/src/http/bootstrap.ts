import type { IncomingMessage } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import Fastify, { type FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { createValidationPipe } from '../errors/validation';
import { Metrics } from '../metrics/metrics';
import { requestId } from '../platform.module';
import { FastRoutes } from './fast-routes';

/** JSON bodies above this are refused with 413 before anything reads them. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface AppDescription {
  title: string;
  description: string;
}

/** Builds the Fastify-based Nest application every deployable runs; `listen` is left to the caller. */
export async function createApplication(
  module: DynamicModule,
  config: AppConfig,
  description: AppDescription,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (request: IncomingMessage) => requestId(request),
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const securityHeaders = await helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Swagger UI sets inline styles; our own pages do not need this.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: isLocal(config.publicUrl) ? null : [],
      },
    },
    hsts: isLocal(config.publicUrl) ? false : { maxAge: 15552000, includeSubDomains: true },
  });
  // Hooks run in the order they were added: these two come before Nest's middleware (added at init), so
  // every answer carries the headers, and a fast route answers before the Nest pipeline runs.
  // Known once Nest made the application; the hook is added before, to run before Nest's own.
  const late: { fastRoutes?: FastRoutes } = {};
  adapter
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      reply.headers(securityHeaders);
      done();
    })
    .addHook('onRequest', (request, reply, done) => {
      const fastRoutes = late.fastRoutes;
      const handler = fastRoutes?.handlerFor(request);
      if (!fastRoutes || !handler) return done();
      // Answered: Fastify sends it and skips the rest; not answered: on to Nest.
      void fastRoutes.answer(handler, request, reply).then((answered) => answered || done());
    });

  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  late.fastRoutes = app.get(FastRoutes);

  await app.register(fastifyCookie, { secret: config.jwtSecret });
  await app.register(fastifyCsrf, {
    cookieKey: 'academy_csrf',
    cookieOpts: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: !isLocal(config.publicUrl),
      signed: true,
    },
    getToken: (request: FastifyRequest) =>
      (request.body as { _csrf?: string } | undefined)?._csrf ??
      (request.headers['x-csrf-token'] as string | undefined),
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });
  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(description.title)
      .setDescription(description.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/**
 * The headers @fastify/helmet sends with these options, worked out once. Registered on the app, the plugin
 * builds a new helmet middleware (parsing every CSP directive) on every request; with fixed options (no
 * nonces, no per-route settings, nothing calls `reply.helmet()`) the answer is the same every time, so one
 * request to a throwaway instance with the plugin tells us what to send.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(fastifyHelmet, options);
    let headers: Record<string, string> = {};
    // Runs after helmet's hooks; the raw response holds only what helmet set by then.
    probe.addHook('onRequest', async (_request, reply) => {
      headers = Object.fromEntries(
        Object.entries(reply.raw.getHeaders()).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(', ') : String(value),
        ]),
      );
    });
    probe.get('/', async () => '');
    await probe.inject({ method: 'GET', url: '/' });
    if (!headers['content-security-policy']) throw new Error('helmet set no Content-Security-Policy');
    return headers;
  } finally {
    await probe.close();
  }
}

export function isLocal(publicUrl: string): boolean {
  const host = new URL(publicUrl).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '[::1]';
}

/** main.ts of every app: config, application, listen on all interfaces. */
export async function runApplication(
  module: (config: AppConfig) => DynamicModule,
  config: AppConfig,
  description: AppDescription,
): Promise<NestFastifyApplication> {
  const app = await createApplication(module(config), config, description);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  return app;
}
