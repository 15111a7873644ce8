import {
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import IORedis from 'ioredis';
import { JOB_QUEUES, QUEUES } from '@academy/contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from '@academy/messaging';
import {
  ACCESS_TOKEN_COOKIE,
  type AccessTokenClaims,
  APP_CONFIG,
  type AppConfig,
  SESSION_CHECKER,
  type SessionChecker,
  TOKEN_ALGORITHM,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
} from '@academy/platform';
import { PageRenderer } from '@academy/web';

/** Where the board lives. */
export const BOARD_PATH = '/admin/queues';

/** Who may see the board: an administrator's valid session cookie (or bearer token), nobody else. */
export async function boardAccess(
  request: FastifyRequest,
  jwt: JwtService,
  sessions?: SessionChecker,
): Promise<'admin' | 'forbidden' | 'anonymous'> {
  const cookies = (request as { cookies?: Record<string, string | undefined> }).cookies;
  const header = request.headers.authorization;
  const token =
    cookies?.[ACCESS_TOKEN_COOKIE] ?? (header?.startsWith('Bearer ') ? header.slice(7) : undefined);
  if (!token) return 'anonymous';
  let claims: AccessTokenClaims;
  try {
    claims = await jwt.verifyAsync<AccessTokenClaims>(token, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    });
  } catch {
    return 'anonymous';
  }
  if (sessions && !(await sessions.isActive(claims.sub, claims.sv, claims.sid))) return 'anonymous';
  return claims.adm === true ? 'admin' : 'forbidden';
}

/**
 * Bull Board at /admin/queues over the mail queue and the event queues, for administrators only. Only in the
 * services (with Redis); the all-in-one has no queues to show. The board is a Fastify plugin beside Nest's
 * routes, so Nest's guard does not see it: an onRequest hook in the plugin's own scope checks the session
 * before any of its routes (page, API, static files) answers.
 */
@Module({})
export class AdminBoardModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('AdminBoard');
  private readonly queues: Queue[] = [];
  private connection?: IORedis;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(MESSAGING_OPTIONS) private readonly messaging?: MessagingOptions,
    @Optional() @Inject(SESSION_CHECKER) private readonly sessions?: SessionChecker,
    @Optional() private readonly pages?: PageRenderer,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!this.config.redisUrl || this.messaging?.transport !== 'bullmq' || !fastify?.register) return;
    const prefix = this.messaging.prefix ?? 'academy';
    // One fail-fast connection for reading the queues: the board must never hold a request on a dead Redis.
    this.connection = new IORedis(this.config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.connection.on('error', () => undefined);
    for (const name of [JOB_QUEUES.notificationMail, ...Object.values(QUEUES)]) {
      const queue = new Queue(name, { connection: this.connection, prefix });
      // Without a listener, a queue's 'error' (Redis gone, or the connection closed while it was still
      // getting ready, as at a quick shutdown) is thrown and ends the process.
      queue.on('error', (error: Error) => this.logger.debug(`queue ${name}: ${error.message}`));
      this.queues.push(queue);
    }
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(BOARD_PATH);
    createBullBoard({
      queues: this.queues.map((queue) => new BullMQAdapter(queue)),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Vrijwilligersacademie' } },
    });
    const jwt = new JwtService({ secret: this.config.jwtSecret });
    const sessions = this.sessions;
    // The pages' own way to the login (through a session renewal where identity offers one).
    const signIn = () =>
      this.pages?.signInUrl(BOARD_PATH, false) ?? `/login?next=${encodeURIComponent(BOARD_PATH)}`;
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const access = await boardAccess(request, jwt, sessions);
        if (access === 'admin') return;
        reply.header('cache-control', 'no-store');
        if (
          access === 'anonymous' &&
          request.method === 'GET' &&
          request.headers.accept?.includes('text/html')
        ) {
          return reply.redirect(signIn(), 303);
        }
        const status = access === 'anonymous' ? 401 : 403;
        return reply
          .status(status)
          .type('application/problem+json')
          .send({
            type: 'about:blank',
            title: status === 401 ? 'Log in to continue.' : 'Your role does not allow this.',
            status,
          });
      });
      await scope.register(serverAdapter.registerPlugin(), { prefix: BOARD_PATH });
    });
    this.logger.log(`Bull Board at ${BOARD_PATH} (administrators only)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close().catch(() => undefined)));
    this.connection?.disconnect();
  }
}
