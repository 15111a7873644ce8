import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** The deployables. The all-in-one runs every context on SQLite and the in-process bus. */
export type AppName = 'academy' | 'course-catalogue' | 'enrolment' | 'notification';

export const DEFAULT_PORTS: Record<AppName, number> = {
  academy: 3000,
  'course-catalogue': 3001,
  enrolment: 3002,
  notification: 3003,
};

export interface AppConfig {
  app: AppName;
  /** true for the all-in-one: SQLite per context under dataDir, in-process bus, generated JWT key. */
  embedded: boolean;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  smtpUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  demoData: boolean;
  jwtSecret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Cookies get the Secure flag unless the app is reached on localhost. */
  publicUrl: string;
  /** Proxy hops whose X-Forwarded-For we believe (0: none). Per-IP limits depend on it. */
  trustProxy: number;
  serviceUrls: { catalogue: string; enrolment: string; notification: string };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    // Names the key, never the value: values may be secrets.
    super(`Configuration error: ${key} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, key: string): string | undefined {
  const value = env[key]?.trim();
  return value ? value : undefined;
}

function port(env: Env, key: string, fallback: number): number {
  const raw = text(env, key);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError(key, 'must be a whole number from 1 to 65535.');
  }
  return Number(raw);
}

function count(env: Env, key: string, fallback: number): number {
  const raw = text(env, key);
  if (raw === undefined) return fallback;
  if (!/^\d{1,2}$/.test(raw)) throw new ConfigError(key, 'must be a whole number of proxy hops (0 to 99).');
  return Number(raw);
}

function url(env: Env, key: string, protocols: string[]): string | undefined {
  const raw = text(env, key);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(key, `must be a URL (${protocols.map((p) => `${p}//…`).join(' or ')}).`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(key, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}.`);
  }
  return raw;
}

function onOff(env: Env, key: string, fallback: boolean): boolean {
  const raw = text(env, key)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(key, 'must be "on" or "off".');
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates the environment; throws a ConfigError naming the first bad key. */
export function loadConfig(app: AppName, env: Env = process.env): AppConfig {
  const embedded = app === 'academy';
  const dataDir = resolve(text(env, 'DATA_DIR') ?? './data');
  const databaseUrl = url(env, 'DATABASE_URL', ['mysql:', 'mariadb:']);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (!embedded && !redisUrl) throw new ConfigError('REDIS_URL', `is required for the ${app} service.`);
  if (!embedded && !databaseUrl) throw new ConfigError('DATABASE_URL', `is required for the ${app} service.`);
  const smtpUrl = url(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const adminEmail = text(env, 'ACADEMY_ADMIN_EMAIL');
  const adminPassword = env.ACADEMY_ADMIN_PASSWORD;
  if (adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('ACADEMY_ADMIN_EMAIL', 'must be an email address.');
  }
  if (adminEmail && !adminPassword) {
    throw new ConfigError('ACADEMY_ADMIN_PASSWORD', 'is required when ACADEMY_ADMIN_EMAIL is set.');
  }
  if (adminPassword !== undefined && (adminPassword.length < 12 || adminPassword.length > 128)) {
    throw new ConfigError('ACADEMY_ADMIN_PASSWORD', 'must be 12 to 128 characters long.');
  }
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}.`);

  const jwtSecret = text(env, 'JWT_SECRET') ?? (embedded ? generatedSecret(dataDir) : undefined);
  if (!jwtSecret) throw new ConfigError('JWT_SECRET', `is required for the ${app} service.`);
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long.');

  const listenPort = port(env, 'PORT', DEFAULT_PORTS[app]);
  const service = (key: string, name: AppName): string =>
    url(env, key, ['http:', 'https:']) ?? `http://localhost:${DEFAULT_PORTS[name]}`;
  return {
    app,
    embedded,
    port: listenPort,
    dataDir,
    databaseUrl,
    redisUrl,
    smtpUrl,
    adminEmail,
    adminPassword,
    demoData: onOff(env, 'DEMO_DATA', false),
    jwtSecret,
    logLevel,
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${listenPort}`,
    trustProxy: count(env, 'TRUST_PROXY', 0),
    serviceUrls: {
      catalogue: service('CATALOGUE_URL', 'course-catalogue'),
      enrolment: service('ENROLMENT_URL', 'enrolment'),
      notification: service('NOTIFICATION_URL', 'notification'),
    },
  };
}

/** The all-in-one keeps a generated signing key in DATA_DIR, so sessions survive a restart. */
function generatedSecret(dataDir: string): string {
  const file = join(isAbsolute(dataDir) ? dataDir : resolve(dataDir), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
