import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'academy-config-'));

describe('loadConfig', () => {
  it('runs the all-in-one on port 3000 with a generated, persisted signing key', () => {
    const dir = dataDir();
    const config = loadConfig('academy', { DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.embedded).toBe(true);
    expect(config.jwtSecret).toBe(readFileSync(join(dir, 'jwt-secret'), 'utf8'));
    expect(loadConfig('academy', { DATA_DIR: dir }).jwtSecret).toBe(config.jwtSecret);
  });

  it('requires Redis, a database and a key for a service', () => {
    expect(() => loadConfig('enrolment', { DATABASE_URL: 'mysql://root@localhost/x' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig('enrolment', { REDIS_URL: 'redis://localhost:6379' })).toThrow(/DATABASE_URL/);
    expect(() =>
      loadConfig('enrolment', {
        REDIS_URL: 'redis://localhost:6379',
        DATABASE_URL: 'mysql://root@localhost/x',
      }),
    ).toThrow(/JWT_SECRET/);
  });

  it('names the bad key but never repeats its value', () => {
    const secret = 'mysql-with-a-s3cret-password';
    let error: unknown;
    try {
      loadConfig('academy', { DATA_DIR: dataDir(), DATABASE_URL: secret });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe('DATABASE_URL');
    expect((error as Error).message).not.toContain(secret);
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', 'eighty'],
    ['DEMO_DATA', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['SMTP_URL', 'http://mail'],
    ['ACADEMY_ADMIN_EMAIL', 'not-an-address'],
  ])('refuses %s=%s', (key, value) => {
    expect(() => loadConfig('academy', { DATA_DIR: dataDir(), [key]: value })).toThrow(
      expect.objectContaining({ key }) as Error,
    );
  });
});
