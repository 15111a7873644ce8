import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard } from './auth/auth.guard';
import { JwtStrategy } from './auth/jwt.strategy';
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from './auth/principal';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health.registry';
import { FastRoutes } from './http/fast-routes';
import { Metrics, MetricsController } from './metrics/metrics';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** A caller's X-Request-Id is kept when it looks like one; otherwise we make one. */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  request.headers['x-request-id'] = id;
  return id;
}

/** Pretty logs are a development nicety: production images do not ship pino-pretty. */
function installed(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * What every app has: validated config, structured logs with a request id, the default-deny auth guard,
 * problem+json errors, health and metrics.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (request) => requestId(request),
            // Headers stay out of the logs: they carry tokens and cookies, and add little.
            serializers: {
              req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url?.split('?')[0],
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            customProps: () => ({ app: config.app }),
            autoLogging: { ignore: (request) => (request.url ?? '').startsWith('/health') },
            transport:
              process.stdout.isTTY && config.logLevel !== 'silent' && installed('pino-pretty')
                ? { target: 'pino-pretty', options: { singleLine: true } }
                : undefined,
          },
        }),
        PassportModule,
        JwtModule.register({
          secret: config.jwtSecret,
          signOptions: {
            algorithm: TOKEN_ALGORITHM,
            issuer: TOKEN_ISSUER,
            audience: TOKEN_AUDIENCE,
            expiresIn: '15m',
          },
          verifyOptions: { algorithms: [TOKEN_ALGORITHM], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'pretty', gracefulShutdownTimeoutMs: 0 }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        HealthRegistry,
        Metrics,
        FastRoutes,
        JwtStrategy,
        { provide: APP_GUARD, useClass: AuthGuard },
        ProblemDetailsFilter,
        { provide: APP_FILTER, useExisting: ProblemDetailsFilter },
      ],
      exports: [APP_CONFIG, HealthRegistry, Metrics, FastRoutes, JwtModule, ProblemDetailsFilter],
    };
  }
}
