#!/usr/bin/env node
// Login and "who am I" throughput of the all-in-one academy, against a bare Fastify server answering the same
// JSON bodies (the ceiling: what Node and Fastify do with no framework, guard, validation or database).
//
//   node bench/login.mjs [--rounds 3] [--duration 10] [--connections 10] [--json]
//
// POST /api/auth/login is CPU-bound by design: every attempt verifies an argon2id hash (m = 19 MiB, t = 2,
// p = 1), which is what makes a stolen password table slow to crack. So the login is also measured against
// the bare server doing that same argon2id verification and nothing else: the gap between those two is
// what the academy itself adds to a login. Only correct credentials are used: failed logins are throttled
// (counted per account and per IP), successful ones are not.
//
// Everything runs on 127.0.0.1. The script builds dist/ when it is missing or stale, starts its own servers
// with a throwaway DATA_DIR, runs the rounds interleaved (so a noisy neighbour hurts every target alike),
// prints the figures and stops its children, whatever happens.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BenchError, fmt, freePort, HOST, log, median, stop, waitForReady } from './support.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const require = createRequire(import.meta.url);

// ---- the bare server (this same file, started as a child with --bare) ------------------------------------
if (process.argv[2] === '--bare') {
  await runBareServer();
} else {
  await main();
}

async function runBareServer() {
  const Fastify = require('fastify');
  const argon2 = require('argon2');
  const { port, bodies, password, argon2Options } = JSON.parse(process.env.BENCH_BARE ?? '{}');
  const hash = await argon2.hash(password, { ...argon2Options, type: argon2.argon2id });
  const app = Fastify({ logger: false });
  app.post('/api/auth/login', async (request, reply) => reply.code(200).send(bodies.login));
  app.post('/argon2/api/auth/login', async (request, reply) => {
    const ok = await argon2.verify(hash, request.body?.password ?? '');
    return ok ? reply.code(200).send(bodies.login) : reply.code(401).send({ status: 401 });
  });
  app.get('/api/me', async (request, reply) => reply.code(200).send(bodies.me));
  app.get('/health/ready', async () => ({ status: 'ok' }));
  await app.listen({ port, host: HOST });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

// ---- the bench -------------------------------------------------------------------------------------------
async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
    },
  });
  const rounds = Number(values.rounds);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const autocannon = require('autocannon');

  const children = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'academy-bench-'));
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await Promise.all(children.map(stop));
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void cleanup().then(() => process.exit(130)));
  }

  try {
    log('Building dist/ if it is missing or older than the sources…');
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-needed'], {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
    } catch {
      throw new BenchError('the build failed (see above); nothing measured.');
    }

    const email = 'bench-admin@example.org';
    const password = `bench-${randomBytes(12).toString('base64url')}`;
    const academyPort = await freePort();
    const env = { ...process.env };
    // The all-in-one: SQLite under the throwaway DATA_DIR, in-process bus, mail as files.
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'JWT_SECRET', 'PUBLIC_URL', 'TRUST_PROXY']) {
      delete env[key];
    }
    const academy = spawn(process.execPath, [join(root, 'dist/apps/academy/src/main.js')], {
      cwd: root,
      env: {
        ...env,
        PORT: String(academyPort),
        DATA_DIR: dataDir,
        ACADEMY_ADMIN_EMAIL: email,
        ACADEMY_ADMIN_PASSWORD: password,
        DEMO_DATA: 'off',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(academy);
    const academyUrl = `http://${HOST}:${academyPort}`;
    log(`Starting the all-in-one academy on ${academyUrl} (DATA_DIR ${dataDir})…`);
    await waitForReady(academyUrl, academy);

    const loginBody = JSON.stringify({ email, password });
    const login = await fetch(`${academyUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: loginBody,
    });
    if (login.status === 404) {
      throw new BenchError(
        'POST /api/auth/login answers 404: the identity API is not in this build yet. Nothing measured.',
      );
    }
    if (login.status !== 200) {
      throw new BenchError(`POST /api/auth/login answered ${login.status}: ${await login.text()}`);
    }
    const loginJson = await login.json();
    if (typeof loginJson.accessToken !== 'string') {
      throw new BenchError('POST /api/auth/login answered 200 without an accessToken.');
    }
    const auth = { authorization: `Bearer ${loginJson.accessToken}` };
    const me = await fetch(`${academyUrl}/api/me`, { headers: auth });
    if (me.status !== 200) throw new BenchError(`GET /api/me answered ${me.status}: ${await me.text()}`);
    const meJson = await me.json();

    const barePort = await freePort();
    const bare = spawn(process.execPath, [fileURLToPath(import.meta.url), '--bare'], {
      cwd: root,
      env: {
        ...process.env,
        BENCH_BARE: JSON.stringify({
          port: barePort,
          bodies: { login: loginJson, me: meJson },
          password,
          argon2Options: argon2Options(),
        }),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(bare);
    const bareUrl = `http://${HOST}:${barePort}`;
    log(`Starting the bare Fastify server on ${bareUrl}…`);
    await waitForReady(bareUrl, bare);

    const json = { 'content-type': 'application/json' };
    const scenarios = [
      {
        name: 'POST /api/auth/login',
        targets: [
          {
            name: 'academy',
            url: `${academyUrl}/api/auth/login`,
            method: 'POST',
            headers: json,
            body: loginBody,
          },
          {
            name: 'bare + argon2id',
            url: `${bareUrl}/argon2/api/auth/login`,
            method: 'POST',
            headers: json,
            body: loginBody,
          },
          { name: 'bare', url: `${bareUrl}/api/auth/login`, method: 'POST', headers: json, body: loginBody },
        ],
      },
      {
        name: 'GET /api/me (bearer)',
        targets: [
          { name: 'academy', url: `${academyUrl}/api/me`, method: 'GET', headers: auth },
          { name: 'bare', url: `${bareUrl}/api/me`, method: 'GET', headers: auth },
        ],
      },
    ];

    log(
      `Measuring: ${rounds} interleaved rounds × ${duration} s per target, ${connections} connections, ` +
        `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}.`,
    );
    const samples = new Map();
    for (let round = 1; round <= rounds; round++) {
      for (const scenario of scenarios) {
        for (const target of scenario.targets) {
          const result = await autocannon({
            url: target.url,
            method: target.method,
            headers: target.headers,
            body: target.body,
            connections,
            duration,
          });
          const sample = {
            rps: result.requests.average,
            p50: result.latency.p50,
            p99: result.latency.p99,
            non2xx: result.non2xx,
            errors: result.errors + result.timeouts,
          };
          const key = `${scenario.name}\u0000${target.name}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
          log(
            `  round ${round}  ${scenario.name.padEnd(22)} ${target.name.padEnd(16)} ` +
              `${fmt(sample.rps).padStart(9)} req/s  p50 ${sample.p50} ms  p99 ${sample.p99} ms` +
              (sample.non2xx || sample.errors ? `  (${sample.non2xx} non-2xx, ${sample.errors} errors)` : ''),
          );
        }
      }
    }

    // Ratios are taken within a round and then the median over rounds: a machine that gets busier or
    // quieter between rounds moves every target of that round alike, so the ratio holds steadier than the
    // absolute figures.
    const of = (scenario, name) => samples.get(`${scenario.name}\u0000${name}`);
    const ratio = (scenario, name, base) =>
      median(of(scenario, name).map((sample, round) => sample.rps / of(scenario, base)[round].rps));
    const summary = scenarios.map((scenario) => {
      const rows = scenario.targets.map((target) => {
        const list = of(scenario, target.name);
        return {
          target: target.name,
          rps: median(list.map((s) => s.rps)),
          p50: median(list.map((s) => s.p50)),
          p99: median(list.map((s) => s.p99)),
          ofBare: ratio(scenario, target.name, 'bare'),
          non2xx: list.reduce((sum, s) => sum + s.non2xx, 0),
          errors: list.reduce((sum, s) => sum + s.errors, 0),
        };
      });
      return { scenario: scenario.name, rows };
    });
    const loginOfArgon2 = ratio(scenarios[0], 'academy', 'bare + argon2id');

    console.log(`\nMedians of ${rounds} rounds (${duration} s each, ${connections} connections):\n`);
    console.log('| endpoint | server | req/s | p50 ms | p99 ms | of bare (per round) |');
    console.log('|---|---|---:|---:|---:|---:|');
    for (const { scenario, rows } of summary) {
      for (const row of rows) {
        console.log(
          `| ${scenario} | ${row.target} | ${fmt(row.rps)} | ${row.p50} | ${row.p99} | ` +
            `${(row.ofBare * 100).toFixed(1)} % |`,
        );
      }
    }
    console.log(
      `\nLogin: the academy reaches ${(loginOfArgon2 * 100).toFixed(1)} % of the logins per second that ` +
        'argon2id verification alone allows on this machine.',
    );
    const failures = summary.flatMap(({ scenario, rows }) =>
      rows.filter((row) => row.non2xx || row.errors).map((row) => `${scenario} on ${row.target}`),
    );
    if (failures.length) console.warn(`⚠ Non-2xx answers or errors during: ${failures.join(', ')}.`);
    if (values.json) {
      console.log(JSON.stringify({ rounds, duration, connections, summary, loginOfArgon2 }, null, 2));
    }
    await cleanup();
    process.exit(failures.length ? 1 : 0);
  } catch (error) {
    console.error(`✖ ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
    await cleanup();
    process.exit(error instanceof BenchError ? 2 : 1);
  }
}

/** The identity context's own argon2id settings when dist/ has them; the documented ones otherwise. */
function argon2Options() {
  try {
    const { ARGON2_OPTIONS } = require(join(root, 'dist/libs/identity/src/passwords/password-hasher.js'));
    const { memoryCost, timeCost, parallelism } = ARGON2_OPTIONS;
    return { memoryCost, timeCost, parallelism };
  } catch {
    return { memoryCost: 19456, timeCost: 2, parallelism: 1 };
  }
}
