#!/usr/bin/env node
// `npm test`: lint, type-check, then unit, integration (SQLite and MariaDB) and e2e tests (all-in-one and the
// distributed services on MariaDB + Redis). Where MariaDB or Redis cannot be reached it says plainly which
// suites it skipped; with REQUIRE_SERVICES=1 (CI) it fails instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const required = process.env.REQUIRE_SERVICES === '1';

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}

const mariadbUrl = process.env.ACADEMY_TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';
const redisUrl = process.env.ACADEMY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const env = { ACADEMY_TEST_MARIADB_URL: mariadbUrl, ACADEMY_TEST_REDIS_URL: redisUrl };
const missing = [];
if (!(await reachable(mariadbUrl))) {
  missing.push('MariaDB');
  env.ACADEMY_TEST_SKIP_MARIADB = '1';
}
if (!(await reachable(redisUrl))) {
  missing.push('Redis');
  env.ACADEMY_TEST_SKIP_REDIS = '1';
}
if (missing.length) {
  const what = `${missing.join(' and ')} not reachable (${mariadbUrl}, ${redisUrl})`;
  if (required) {
    console.error(`✖ ${what}, and REQUIRE_SERVICES=1: the distributed suites may not be skipped.`);
    process.exit(1);
  }
  console.warn(
    `⚠ ${what}: skipping the MariaDB runs of the integration tests and the distributed e2e suites.`,
  );
}

const only = process.argv.slice(2);
let ok = true;
if (!only.length) {
  ok = step('lint (eslint + prettier)', bin('eslint'), ['.', '--max-warnings', '0']) && ok;
  ok = step('format check', bin('prettier'), ['--check', '.', '--log-level', 'warn']) && ok;
  ok = step('type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) && ok;
}
const report = join(tmpdir(), `academy-jest-${process.pid}.json`);
ok =
  step(
    'tests (unit, integration, e2e)',
    bin('jest'),
    ['--maxWorkers=2', '--json', `--outputFile=${report}`, ...only],
    env,
  ) && ok;

if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  rmSync(report);
  if (missing.length)
    console.log(`Skipped because ${missing.join(' and ')} could not be reached: see the warning above.`);
  // A plain closing line that any reader of CI output understands.
  console.log(
    `\n${result.numPassedTests} passed, ${result.numFailedTests} failed, ${result.numPendingTests} skipped`,
  );
  if (result.numTotalTests === 0) ok = false;
}
process.exit(ok ? 0 : 1);
