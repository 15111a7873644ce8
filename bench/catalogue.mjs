#!/usr/bin/env node
// The filtered catalogue listing of the course-catalogue service on MariaDB, with a realistic amount of data
// (2,000 courses, 20,000 sessions and their meetings), against a bare Fastify server answering the same JSON
// bodies: the ceiling for Node and Fastify with no framework, validation or database.
//
//   node bench/catalogue.mjs [--rounds 3] [--duration 10] [--connections 50] [--explain] [--json]
//   node bench/catalogue.mjs --seed-only      # just the seeded database, kept until the next run
//   node bench/catalogue.mjs --mix repeated   # one mix only (repeated or varied), to iterate faster
//   node bench/catalogue.mjs --dist <dir>     # measure a private build (see bench/README.md); no rebuild
//   node bench/catalogue.mjs --mix varied --cpu-prof /tmp/prof   # + a V8 CPU profile of the measured service
//   node bench/catalogue.mjs --service-node-options --trace-gc --service-log /tmp/service.log   # its GC, its log
//   node bench/catalogue.mjs --seat-changes 50   # + 50 seat counts a second changed in the database meanwhile
//
// Steps: build dist/ if stale; create a throwaway MariaDB database; start the service once so its migrations
// create the schema; bulk-insert the courses, sessions and meetings (the demo academy's texts, venues and
// time slots, many times over); start the service again and record the answer to each filter combination;
// start the bare server with those bodies; then, in interleaved rounds (service, bare, service, bare, …),
// load both with autocannon at 50 connections, each connection cycling through the filter combinations.
// Two mixes: "repeated" (four listings over and over, as after a newsletter link) and "varied" (hundreds of
// different listings, so no answer can be reused). Reported per mix: requests per second, the median over
// rounds of the per-round ratio service/bare, and the p99 latency of the service at a fixed rate of half its
// measured maximum (autocannon `overallRate`); and the CPU time each server process spent per answer, which a
// machine shared with other work disturbs far less than requests per second.
// Targets (issue 3): ratio ≥ 0.5 and p99 < 50 ms.
//
// Everything runs on 127.0.0.1 (MariaDB as root, Redis in its own logical database so no other service's
// queues are touched). The run is bounded (--max-minutes, default 15); whatever happens, it stops its
// children, drops its database and removes its Redis keys.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  BenchError,
  fmt,
  freePort,
  HOST,
  log,
  median,
  removeRedisKeys,
  stop,
  waitForReady,
} from './support.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const require = createRequire(import.meta.url);
const MARIADB_URL = process.env.BENCH_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';
// A logical database of its own on the local Redis: the service's BullMQ workers then never take jobs of
// another catalogue service or test that uses the default database with the same queue names.
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/14';
const LISTING = '/api/catalogue/courses';
// USER_HZ, the unit of CPU times in /proc: 100 on every Linux this runs on (getconf CLK_TCK).
const CLOCK_TICKS = 100;
// The build measured: dist/, or --dist <dir>.
let distDir = join(root, 'dist');

if (process.argv[2] === '--bare') {
  await runBareServer();
} else {
  await main();
}

// ---- the bare server (this same file, started as a child with --bare) ------------------------------------
async function runBareServer() {
  const Fastify = require('fastify');
  const { port, bodiesFile } = JSON.parse(process.env.BENCH_BARE ?? '{}');
  const bodies = JSON.parse(readFileSync(bodiesFile, 'utf8'));
  const app = Fastify({ logger: false });
  app.get(LISTING, async (request, reply) => {
    const body = bodies[request.url];
    return body ? reply.code(200).send(body) : reply.code(404).send({ status: 404 });
  });
  app.get('/health/ready', async () => ({ status: 'ok' }));
  await app.listen({ port, host: HOST });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

/**
 * An open-model load at a constant rate: request i is due at start + i / rate and is sent then, whatever has
 * or has not come back (on the first free one of `connections` kept-alive undici connections), and its latency runs from when
 * it was due — so a stall shows in the figures instead of slowing the sender down (no coordinated omission).
 * autocannon's `overallRate` is a per-second quota instead: each connection sends back to back until it has
 * made its share of the second, then waits for the next one, so at "half the maximum" every second starts
 * with a burst at full speed; and it adds synthetic samples for every millisecond a response took. The first
 * `warmUpSeconds` run at the same rate unmeasured: they open the connections (one per request at first).
 */
async function paced(baseUrl, paths, rate, seconds, connections, warmUpSeconds = 2) {
  // undici's pool: far less CPU per request than node:http, and this machine's two cores are shared with the server.
  const { Pool } = require('undici');
  const pool = new Pool(baseUrl, { connections, pipelining: 1 });
  // The first seconds open the connections and are not counted.
  const skipped = Math.floor(rate * warmUpSeconds);
  const total = skipped + Math.max(1, Math.floor(rate * seconds));
  const latencies = new Float64Array(total);
  let sent = 0;
  let done = 0;
  let failed = 0;
  const start = performance.now() + 20;
  await new Promise((finished) => {
    const settle = (i, ok) => {
      latencies[i] = performance.now() - (start + (i * 1000) / rate);
      if (!ok && i >= skipped) failed++;
      if (++done === total) finished();
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        const i = sent++;
        pool.request({ method: 'GET', path: paths[i % paths.length] }).then(
          async ({ statusCode, body }) => {
            await body.dump();
            settle(i, statusCode === 200);
          },
          () => settle(i, false),
        );
      }
      if (sent < total) setTimeout(tick, 1);
    };
    setTimeout(tick, 20);
  });
  await pool.close();
  const counted = latencies.subarray(skipped);
  const sorted = Float64Array.from(counted).sort();
  const at = (q) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1));
  // The slowest answer of each second: a stall shows as one second, a slow service as all of them.
  const perSecond = [];
  counted.forEach((latency, i) => {
    const second = Math.floor(i / rate);
    perSecond[second] = Math.max(perSecond[second] ?? 0, latency);
  });
  return {
    requests: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1 - 1e-9),
    failed,
    slowestPerSecond: perSecond.map((latency) => Math.round(latency)),
  };
}

// ---- the bench -------------------------------------------------------------------------------------------
async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      courses: { type: 'string', default: '2000' },
      sessions: { type: 'string', default: '20000' },
      'max-minutes': { type: 'string', default: '15' },
      explain: { type: 'boolean', default: false },
      'keep-database': { type: 'boolean', default: false },
      'seed-only': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      mix: { type: 'string', default: 'both' },
      // A build made elsewhere (others rebuild the shared dist/ while this runs); implies no rebuild.
      dist: { type: 'string' },
      // A V8 CPU profile of the measured service (written when it stops) into this directory.
      'cpu-prof': { type: 'string' },
      // Node flags for the measured service (e.g. --trace-gc), and where to keep its log.
      'service-node-options': { type: 'string' },
      'service-log': { type: 'string' },
      // The fixed rate's requests per second instead of half the measured maximum.
      'fixed-rate': { type: 'string' },
      // Seat counts changed per second in the database during the service's paced run, as another replica
      // storing an enrolment rush's counts would: the listing must stay fast while they change.
      'seat-changes': { type: 'string', default: '0' },
    },
  });
  if (!['both', 'repeated', 'varied'].includes(values.mix)) {
    console.error('--mix is both, repeated or varied');
    process.exit(2);
  }
  const rounds = Number(values.rounds);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const courseCount = Number(values.courses);
  const sessionCount = Number(values.sessions);
  const autocannon = require('autocannon');
  const mysql = require('mysql2/promise');

  const children = [];
  const workDir = mkdtempSync(join(tmpdir(), 'academy-bench-catalogue-'));
  // The pid in the name lets a later run drop the database of a run that was killed outright (SIGKILL).
  const database = `academy_bench_p${process.pid}_${randomBytes(4).toString('hex')}`;
  let databaseCreated = false;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await Promise.all(children.map(stop));
    if (values['service-log']) cpSync(join(workDir, 'service.log'), values['service-log']);
    if (databaseCreated && (values['keep-database'] || values['seed-only'])) {
      console.log(
        `Kept the database ${database} (--keep-database): drop it with DROP DATABASE \`${database}\`.`,
      );
    } else if (databaseCreated) {
      const server = await mysql.createConnection(MARIADB_URL).catch(() => undefined);
      await server?.query(`DROP DATABASE IF EXISTS \`${database}\``).catch(() => undefined);
      await server?.end();
    }
    await removeRedisKeys(REDIS_URL).catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void cleanup().then(() => process.exit(130)));
  }
  const watchdog = setTimeout(
    () => {
      console.error(`✖ Still running after ${values['max-minutes']} minutes: stopping.`);
      void cleanup().then(() => process.exit(3));
    },
    Number(values['max-minutes']) * 60_000,
  );
  watchdog.unref();

  try {
    distDir = resolve(root, values.dist ?? 'dist');
    if (values.dist) log(`Measuring the build in ${distDir} (--dist): no rebuild.`);
    else log('Building dist/ if it is missing or older than the sources…');
    try {
      if (!values.dist)
        execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-needed'], {
          cwd: root,
          stdio: ['ignore', 'inherit', 'inherit'],
        });
    } catch {
      throw new BenchError('the build failed (see above); nothing measured.');
    }

    const server = await mysql.createConnection(MARIADB_URL).catch((error) => {
      throw new BenchError(`cannot reach MariaDB at ${MARIADB_URL}: ${error.message}`);
    });
    await dropAbandoned(server);
    await server.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    databaseCreated = true;
    await server.end();
    const databaseUrl = `${MARIADB_URL.replace(/\/$/, '')}/${database}`;

    const env = { ...process.env };
    for (const key of ['DATA_DIR', 'SMTP_URL', 'PUBLIC_URL', 'TRUST_PROXY', 'ACADEMY_ADMIN_EMAIL'])
      delete env[key];
    const serviceEnv = {
      ...env,
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      DATA_DIR: workDir,
      DEMO_DATA: 'off',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    };
    const serviceLog = join(workDir, 'service.log');
    const startService = async (profiled = false) => {
      const port = await freePort();
      // Its warnings (slow queries under load) go to a file, not over the figures.
      const logFile = openSync(serviceLog, 'a');
      const profile =
        profiled && values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values['cpu-prof'])}`] : [];
      if (profiled && values['service-node-options'])
        profile.push(...values['service-node-options'].split(' '));
      const child = spawn(
        process.execPath,
        [...profile, join(distDir, 'apps/course-catalogue/src/main.js')],
        {
          cwd: root,
          env: { ...serviceEnv, PORT: String(port) },
          stdio: ['ignore', logFile, logFile],
        },
      );
      closeSync(logFile);
      children.push(child);
      const url = `http://${HOST}:${port}`;
      await waitForReady(url, child, 90_000);
      return { child, url };
    };

    log(`Creating the schema: starting the course-catalogue service once on ${database}…`);
    const first = await startService();
    await stop(first.child);

    const started = Date.now();
    const db = await mysql.createConnection({ uri: databaseUrl, multipleStatements: false });
    const seeded = await seed(db, courseCount, sessionCount);
    log(
      `Seeded ${seeded.courses} courses, ${seeded.sessions} sessions and ${seeded.meetings} meetings ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );

    if (values['seed-only']) {
      await db.end();
      clearTimeout(watchdog);
      log(`Seeded only (--seed-only): DATABASE_URL=${databaseUrl}`);
      await cleanup();
      process.exit(0);
    }

    const service = await startService(true);
    log(
      `The course-catalogue service runs on ${service.url} (DATABASE_URL ${database}, REDIS_URL ${REDIS_URL}).`,
    );

    // Two mixes of the same kind of request. "repeated": four listings asked over and over (a link in a
    // newsletter); "varied": hundreds of different ones, each asked rarely, so no answer can be reused.
    const scenarios = [
      { name: 'repeated', paths: repeatedCombinations(seeded.now) },
      { name: 'varied', paths: variedCombinations(seeded.now) },
    ].filter((scenario) => values.mix === 'both' || values.mix === scenario.name);
    const bodies = {};
    for (const scenario of scenarios) {
      const kept = [];
      await inParallel(scenario.paths, 16, async (path) => {
        const response = await fetch(`${service.url}${path}`);
        const text = await response.text();
        if (response.status !== 200) throw new BenchError(`GET ${path} answered ${response.status}: ${text}`);
        const body = JSON.parse(text);
        if (!body.items?.length) return;
        bodies[path] = body;
        kept.push(path);
      });
      if (!kept.length) throw new BenchError(`the ${scenario.name} listings found nothing on page 2.`);
      scenario.paths = scenario.paths.filter((path) => bodies[path]);
      const sizes = scenario.paths.map((path) => JSON.stringify(bodies[path]).length);
      log(
        `  ${scenario.name}: ${scenario.paths.length} listings, e.g. ${scenario.paths[0]} ` +
          `(${bodies[scenario.paths[0]].total} courses; bodies ${Math.min(...sizes)}–${Math.max(...sizes)} bytes)`,
      );
    }
    if (values.explain) await explain(db, seeded, scenarios[0].paths);
    await db.end();

    const bodiesFile = join(workDir, 'bodies.json');
    writeFileSync(bodiesFile, JSON.stringify(bodies));
    const barePort = await freePort();
    const bare = spawn(process.execPath, [fileURLToPath(import.meta.url), '--bare'], {
      cwd: root,
      env: { ...process.env, BENCH_BARE: JSON.stringify({ port: barePort, bodiesFile }) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(bare);
    const bareUrl = `http://${HOST}:${barePort}`;
    await waitForReady(bareUrl, bare, 90_000);
    for (const path of Object.keys(bodies).slice(0, 20)) {
      const answer = await (await fetch(`${bareUrl}${path}`)).text();
      if (answer !== JSON.stringify(bodies[path]))
        throw new BenchError(`the bare server answers ${path} differently`);
    }

    const pids = { [service.url]: service.child.pid, [bareUrl]: bare.pid };
    const run = async (url, scenario, extra = {}) => {
      const cpuBefore = cpuMs(pids[url]);
      const result = await autocannon({
        url,
        connections,
        duration,
        requests: roundRobin(scenario.paths),
        ...extra,
      });
      const cpu = cpuMs(pids[url]) - cpuBefore;
      return {
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        // CPU time the server process spent per answer: unlike req/s, hardly moved by what else the machine runs.
        cpuUs: result.requests.total ? (cpu * 1000) / result.requests.total : NaN,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      };
    };
    const describe = (sample) =>
      `${fmt(sample.rps).padStart(8)} req/s  p50 ${sample.p50} ms  p99 ${sample.p99} ms  ` +
      `${fmt(sample.cpuUs)} µs CPU/request` +
      (sample.non2xx || sample.errors ? `  (${sample.non2xx} non-2xx, ${sample.errors} errors)` : '');

    log('Warming up the service (5 s)…');
    await autocannon({
      url: service.url,
      connections,
      duration: 5,
      requests: roundRobin(scenarios.at(-1).paths),
    });

    log(
      `Measuring: ${rounds} interleaved rounds × ${duration} s per target and mix, ${connections} connections, ` +
        `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()[0].toFixed(1)}, ` +
        `Node ${process.version}.`,
    );
    const samples = new Map(scenarios.map((scenario) => [scenario.name, { service: [], bare: [] }]));
    for (let round = 1; round <= rounds; round++) {
      for (const scenario of scenarios) {
        for (const [name, url] of [
          ['service', service.url],
          ['bare', bareUrl],
        ]) {
          const sample = await run(url, scenario);
          samples.get(scenario.name)[name].push(sample);
          log(`  round ${round}  ${scenario.name.padEnd(9)} ${name.padEnd(8)} ${describe(sample)}`);
        }
      }
    }

    const results = [];
    for (const scenario of scenarios) {
      const { service: ours, bare: theirs } = samples.get(scenario.name);
      const ratios = ours.map((sample, i) => sample.rps / theirs[i].rps);
      const cpuRatios = ours.map((sample, i) => theirs[i].cpuUs / sample.cpuUs);
      const serviceRps = median(ours.map((sample) => sample.rps));
      const rate = values['fixed-rate']
        ? Number(values['fixed-rate'])
        : Math.max(1, Math.floor(serviceRps / 2));
      log(`Fixed rate, ${scenario.name}: ${rate} req/s (half the service's maximum) for ${duration} s…`);
      const seatChanges = Number(values['seat-changes']);
      const readsBefore = seatChanges ? await indexReads(service.url) : undefined;
      const churn = seatChanges ? churnSeats(databaseUrl, seeded.seatSessionIds, seatChanges) : undefined;
      const steady = await paced(service.url, scenario.paths, rate, duration, connections);
      if (churn) {
        const changed = await churn.stop();
        const reads = await indexReads(service.url);
        log(
          `  service  meanwhile ${fmt(changed)} seat counts changed in the database; the service read them ` +
            `${reads.seats - readsBefore.seats} times, the whole catalogue ${reads.catalogue - readsBefore.catalogue} times`,
        );
      }
      const describePaced = (result) =>
        `paced: ${fmt(result.requests)} requests, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
        `max ${result.max} ms, ${result.failed} failed; slowest per second ${result.slowestPerSecond.join(' ')} ms`;
      log(`  service  ${describePaced(steady)}`);
      // The same load on the bare server: what this machine and client give at best.
      const bareSteady = await paced(bareUrl, scenario.paths, rate, duration, connections);
      log(`  bare     ${describePaced(bareSteady)}`);
      // What the service's own metrics saw meanwhile: event-loop delay and collector pauses.
      const scraped = await (await fetch(`${service.url}/metrics`)).text();
      const metric = (name) =>
        scraped
          .split('\n')
          .filter((line) => line.startsWith(name))
          .map((line) => line.replace(/\s+/, ' '))
          .join('; ');
      log(
        `  service  ${metric('nodejs_eventloop_lag_p99_seconds')}; ${metric('nodejs_eventloop_lag_max_seconds')}; ` +
          `${metric('nodejs_gc_duration_seconds_sum')}; ${metric('nodejs_gc_duration_seconds_count')}`,
      );
      const fixed = await run(service.url, scenario, { overallRate: rate });
      log(`  service  autocannon overallRate (bursts at the start of every second): ${describe(fixed)}`);
      results.push({
        scenario: scenario.name,
        listings: scenario.paths.length,
        service: {
          rps: serviceRps,
          p50: median(ours.map((sample) => sample.p50)),
          p99: median(ours.map((sample) => sample.p99)),
        },
        bare: {
          rps: median(theirs.map((sample) => sample.rps)),
          p50: median(theirs.map((sample) => sample.p50)),
          p99: median(theirs.map((sample) => sample.p99)),
        },
        ratios,
        ratio: median(ratios),
        cpu: { service: median(ours.map((s) => s.cpuUs)), bare: median(theirs.map((s) => s.cpuUs)) },
        cpuRatio: median(cpuRatios),
        fixedRate: { rate, ...steady, bare: bareSteady, autocannon: fixed },
        failed:
          steady.failed > 0 || [...ours, ...theirs, fixed].some((sample) => sample.non2xx || sample.errors),
      });
    }

    console.log(`\nMedians of ${rounds} rounds (${duration} s each, ${connections} connections):\n`);
    console.log(
      '| mix | service req/s | service p50 / p99 ms | bare req/s | ratio service/bare | p99 at half the maximum, paced: service / bare (autocannon) | CPU µs/request service / bare (ratio bare/service) |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(
        `| ${r.scenario} (${r.listings} listings) | ${fmt(r.service.rps)} | ${r.service.p50} / ${r.service.p99} | ` +
          `${fmt(r.bare.rps)} | ${r.ratio.toFixed(3)} | ${r.fixedRate.p99} / ${r.fixedRate.bare.p99} ms (${r.fixedRate.autocannon.p99} ms) at ${r.fixedRate.rate} req/s | ` +
          `${fmt(r.cpu.service)} / ${fmt(r.cpu.bare)} (${r.cpuRatio.toFixed(3)}) |`,
      );
    }
    console.log('');
    for (const r of results) {
      console.log(
        `${r.scenario}: ratio ${r.ratio.toFixed(3)} (rounds ${r.ratios.map((x) => x.toFixed(3)).join(', ')}) — ` +
          `target ≥ 0.5 ${r.ratio >= 0.5 ? 'met' : 'NOT met'}; p99 ${r.fixedRate.p99} ms at ${r.fixedRate.rate} req/s — ` +
          `target < 50 ms ${r.fixedRate.p99 < 50 ? 'met' : 'NOT met'}.`,
      );
    }
    const failures = results.some((r) => r.failed);
    const summary = { data: seeded, rounds, duration, connections, load: loadavg()[0], results };
    // Let requests still in flight at the end of the last run finish before the service stops.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    console.log(serviceLogSummary(serviceLog));
    if (failures) console.warn('⚠ Non-2xx answers or errors during the runs (see above).');
    if (values.json) console.log(JSON.stringify(summary, null, 2));
    clearTimeout(watchdog);
    await cleanup();
    process.exit(failures ? 1 : 0);
  } catch (error) {
    console.error(`✖ ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
    const tail = tryRead(join(workDir, 'service.log')).trim().split('\n').slice(-15).join('\n');
    if (tail) console.error(`The service's last log lines:\n${tail}`);
    await cleanup();
    process.exit(error instanceof BenchError ? 2 : 1);
  }
}

// ---- data ------------------------------------------------------------------------------------------------

/**
 * The listings people ask for: a category near home from some date on, a town in a date range, a kind in a
 * category; always page 2, so paging and the total are part of the work.
 */
function repeatedCombinations(now) {
  const day = (offset) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return [
    `${LISTING}?category=mantelzorg&place=Drachten&from=${day(30)}&page=2`,
    `${LISTING}?category=zorg-en-welzijn&place=Leeuwarden&page=2`,
    `${LISTING}?place=Sneek&from=${day(60)}&to=${day(240)}&page=2`,
    `${LISTING}?category=veiligheid-en-ehbo&kind=workshop&from=${day(14)}&page=2`,
  ];
}

/**
 * Every category in every town from four dozen different dates, page 2 each: over 2,500 listings, more than
 * any short-lived answer cache can hold on to while 50 connections go round them.
 */
function variedCombinations(now) {
  const day = (offset) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const categories = [
    'zorg-en-welzijn',
    'mantelzorg',
    'veiligheid-en-ehbo',
    'organisatie-en-bestuur',
    'communicatie-en-media',
    'persoonlijke-ontwikkeling',
    'digitale-vaardigheden',
  ];
  const places = ['Leeuwarden', 'Drachten', 'Sneek', 'Heerenveen', 'Dokkum', 'Harlingen', 'Franeker', 'Grou'];
  const paths = [];
  for (let offset = 1; offset <= 48; offset++) {
    for (const category of categories) {
      for (const place of places) {
        paths.push(`${LISTING}?category=${category}&place=${place}&from=${day(offset * 3)}&page=2`);
      }
    }
  }
  // Interleaved so that consecutive requests differ in every filter.
  return paths
    .map((path, i) => [(i * 7919) % paths.length, path])
    .sort((a, b) => a[0] - b[0])
    .map(([, path]) => path);
}

/**
 * Changes `perSecond` seat counts a second (in tenths of a second) until stopped, straight in the database as
 * another replica of the catalogue would store them; `stop` resolves to how many were changed.
 */
function churnSeats(databaseUrl, sessionIds, perSecond) {
  const mysql = require('mysql2/promise');
  const connection = mysql.createConnection({ uri: databaseUrl });
  let changed = 0;
  let next = 0;
  let busy = Promise.resolve();
  const timer = setInterval(() => {
    busy = busy.then(async () => {
      const db = await connection;
      for (let i = 0; i < perSecond / 10; i++) {
        const id = sessionIds[next++ % sessionIds.length];
        await db.query(
          'UPDATE catalogue_session_seats SET confirmed = (confirmed + 1) % 3, version = version + 1, updated_at = NOW(3) WHERE session_id = ?',
          [id],
        );
        changed++;
      }
    });
  }, 100);
  return {
    stop: async () => {
      clearInterval(timer);
      await busy;
      await (await connection).end();
      return changed;
    },
  };
}

/** The service's reads of the catalogue into memory, from its metrics. */
async function indexReads(baseUrl) {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const count = (what) =>
    Number(
      text.match(new RegExp(`academy_catalogue_index_reads_total\\{what="${what}"\\} (\\d+)`))?.[1] ?? NaN,
    );
  return { catalogue: count('catalogue'), seats: count('seats') };
}

/**
 * One request definition that takes the next listing from a counter shared by all connections. (A list of
 * requests would be walked by every connection from its start, so 50 connections would ask the same
 * listing at the same moment, and a varied mix would not be varied.)
 */
function roundRobin(paths) {
  let next = 0;
  return [
    {
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
    },
  ];
}

async function inParallel(items, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** MariaDB DATETIME(3) in UTC, as the catalogue stores it. */
function dbTime(date) {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * Inserts the data in bulk, straight into the catalogue's tables (the schema the migrations made): the demo
 * academy's forty courses, texts, venues and slots, repeated with numbered groups; ten sessions per course
 * on average over the coming year; most published, some drafts, archived courses and cancelled sessions.
 */
async function seed(db, courseCount, sessionCount) {
  const dist = (path) => require(join(distDir, 'libs/catalogue/src', path));
  const { DEMO_COURSES } = dist('demo/demo-courses.js');
  const { DEMO_PROVIDERS } = dist('demo/demo-providers.js');
  const { DEMO_VENUES } = dist('demo/demo-venues.js');
  const { DEMO_TRAINER_ID, SYSTEM_USER_ID } = dist('demo/demo-people.js');
  const { seededRandom } = dist('demo/demo-schedule.js');
  const { courseSearchText } = dist('courses/search-text.js');
  const { textKey } = dist('shared/text-key.js');
  const random = seededRandom(2026);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const now = new Date();
  const stamp = dbTime(now);

  const [categories] = await db.query('SELECT id, slug FROM catalogue_categories');
  const categoryId = new Map(categories.map((c) => [c.slug, c.id]));
  const providerId = new Map(DEMO_PROVIDERS.map((p) => [p.key, randomUUID()]));
  await insert(
    db,
    'catalogue_providers',
    ['id', 'name', 'website', 'description', 'created_at'],
    DEMO_PROVIDERS.map((p) => [providerId.get(p.key), p.name, p.website, p.description, stamp]),
  );

  const courses = [];
  const courseRows = [];
  const trainerRows = [];
  const tagRows = [];
  for (let i = 0; i < courseCount; i++) {
    const template = DEMO_COURSES[i % DEMO_COURSES.length];
    const group = Math.floor(i / DEMO_COURSES.length) + 1;
    const title = `${template.title} (groep ${group})`;
    const status = i % 50 === 7 ? 'draft' : i % 50 === 13 ? 'archived' : 'published';
    const course = { id: randomUUID(), template, status };
    courses.push(course);
    courseRows.push([
      course.id,
      template.kind,
      providerId.get(template.provider),
      categoryId.get(template.category),
      title,
      template.summary,
      template.description,
      template.language,
      template.attendanceThreshold ?? 75,
      status,
      courseSearchText({ title, summary: template.summary, description: template.description }),
      1,
      SYSTEM_USER_ID,
      stamp,
      stamp,
      status === 'draft' ? null : stamp,
    ]);
    trainerRows.push([course.id, DEMO_TRAINER_ID]);
    for (const value of template.audiences) tagRows.push([course.id, 'audience', value]);
    for (const value of template.themes) tagRows.push([course.id, 'theme', value]);
  }
  await insert(
    db,
    'catalogue_courses',
    [
      'id',
      'kind',
      'provider_id',
      'category_id',
      'title',
      'summary',
      'description',
      'language',
      'attendance_threshold',
      'status',
      'search_text',
      'version',
      'created_by',
      'created_at',
      'updated_at',
      'published_at',
    ],
    courseRows,
  );
  await insert(db, 'catalogue_course_trainers', ['course_id', 'user_id'], trainerRows);
  await insert(db, 'catalogue_course_tags', ['course_id', 'kind', 'value'], tagRows);

  const places = Object.keys(DEMO_VENUES);
  const slots = { morning: '09:30', afternoon: '13:30', evening: '19:30', saturday: '09:30' };
  const sessionRows = [];
  const sessionTrainerRows = [];
  const meetingRows = [];
  const seatRows = [];
  for (let n = 0; n < sessionCount; n++) {
    const course = courses[n % courses.length];
    const { template } = course;
    const id = randomUUID();
    const online = random() < 0.15 && !template.inPerson;
    const venue = online ? undefined : pick(DEMO_VENUES[pick(places)]);
    const [hour, minute] = slots[pick(template.slots)].split(':').map(Number);
    const first = new Date(now.getTime() + (1 + Math.floor(random() * 364)) * 86_400_000);
    first.setUTCHours(hour - 1, minute, 0, 0);
    const meetings = [];
    for (let m = 0; m < template.meetings; m++) {
      const startsAt = new Date(first.getTime() + m * 7 * 86_400_000);
      const endsAt = new Date(startsAt.getTime() + 150 * 60_000);
      meetings.push([
        randomUUID(),
        id,
        dbTime(startsAt),
        dbTime(endsAt),
        online ? 'Online' : venue.name,
        online ? null : venue.place,
        online ? null : venue.address,
        online ? 1 : 0,
        online ? `https://meet.academie.example/${id}` : null,
      ]);
    }
    meetingRows.push(...meetings);
    const capacity = 8 + Math.floor(random() * 17);
    const cancelled = random() < 0.03;
    sessionRows.push([
      id,
      course.id,
      capacity,
      random() < 0.4 ? 4 : 0,
      null,
      null,
      null,
      48,
      'auto',
      24,
      cancelled ? 'cancelled' : 'scheduled',
      course.status === 'published' ? 1 : 0,
      1,
      cancelled ? 'Te weinig aanmeldingen' : null,
      meetings[0][2],
      meetings[meetings.length - 1][3],
      online ? null : venue.place,
      online ? null : textKey(venue.place),
      online ? 1 : 0,
      stamp,
      stamp,
    ]);
    sessionTrainerRows.push([id, DEMO_TRAINER_ID]);
    if (random() < 0.5) seatRows.push([id, Math.floor(random() * capacity), 0, 1, stamp]);
  }
  await insert(
    db,
    'catalogue_sessions',
    [
      'id',
      'course_id',
      'capacity',
      'minimum_participants',
      'go_no_go_at',
      'enrolment_opens_at',
      'enrolment_closes_at',
      'cancellation_deadline_hours',
      'waitlist_mode',
      'offer_hours',
      'status',
      'published',
      'version',
      'cancel_reason',
      'first_starts_at',
      'last_ends_at',
      'place',
      'place_key',
      'online',
      'created_at',
      'updated_at',
    ],
    sessionRows,
  );
  await insert(db, 'catalogue_session_trainers', ['session_id', 'user_id'], sessionTrainerRows);
  await insert(
    db,
    'catalogue_meetings',
    ['id', 'session_id', 'starts_at', 'ends_at', 'location_name', 'place', 'address', 'online', 'url'],
    meetingRows,
  );
  await insert(
    db,
    'catalogue_session_seats',
    ['session_id', 'confirmed', 'waitlisted', 'version', 'updated_at'],
    seatRows,
  );
  // Fresh statistics, as a database that has lived a while would have.
  await db.query(
    'ANALYZE TABLE catalogue_courses, catalogue_course_tags, catalogue_sessions, catalogue_meetings, catalogue_session_seats',
  );
  return {
    now,
    categoryId,
    seatSessionIds: seatRows.map(([id]) => id),
    courses: courseRows.length,
    sessions: sessionRows.length,
    meetings: meetingRows.length,
  };
}

async function insert(db, table, columns, rows, batch = 1000) {
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [chunk]);
  }
}

/**
 * EXPLAIN of the listing's queries for the first filter combination, and their time on the database alone.
 * The SQL is taken from the built CatalogueSearchRepository itself (given a DataSource that only records
 * what it is asked), with the filters translated as CatalogueSearchService does, so it never drifts from
 * what the service runs.
 */
async function explain(db, seeded, paths) {
  const dist = (path) => require(join(distDir, 'libs/catalogue/src', path));
  const { CatalogueSearchRepository } = dist('search/catalogue-search.repository.js');
  const { startOfLocalDay, endOfLocalDay } = dist('shared/local-day.js');
  const { textKey } = dist('shared/text-key.js');
  const query = new URL(paths[0], 'http://x').searchParams;
  const captured = [];
  const recorder = {
    options: { type: 'mysql' },
    query: async (sql, params) => {
      captured.push({ sql, params });
      return [];
    },
  };
  const repository = new CatalogueSearchRepository(recorder);
  const courseFilters = {
    categoryId: query.get('category') ? seeded.categoryId.get(query.get('category')) : undefined,
    kind: query.get('kind') ?? undefined,
  };
  const sessionFilters = {
    from: query.get('from') ? startOfLocalDay(query.get('from')) : undefined,
    to: query.get('to') ? endOfLocalDay(query.get('to')) : undefined,
    placeKey: query.get('place') ? textKey(query.get('place')) : undefined,
  };
  const sessionFiltered = Object.values(sessionFilters).some((value) => value !== undefined);
  const page = Number(query.get('page') ?? 1);
  await repository.search(courseFilters, sessionFilters, sessionFiltered, seeded.now, (page - 1) * 20, 20);
  const [search] = captured;
  const [ids] = await db.query(search.sql, search.params);
  const courseIds = ids.map((row) => row.id);
  captured.length = 0;
  await repository.nextSessions(courseIds, sessionFilters, seeded.now);
  const statements = [
    ['the page and its total', search],
    ['the next session of each course on it', captured[0]],
  ];
  console.log(`\nEXPLAIN of ${paths[0]}`);
  for (const [name, { sql, params }] of statements) {
    const [plan] = await db.query(`EXPLAIN ${sql}`, params);
    const times = [];
    for (let i = 0; i < 20; i++) {
      const started = process.hrtime.bigint();
      await db.query(sql, params);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    console.log(`\n${name}: median ${median(times).toFixed(2)} ms on the database alone (20 runs)`);
    console.table(
      plan.map(({ id, select_type, table, type, key, rows, Extra }) => ({
        id,
        select_type,
        table,
        type,
        key,
        rows,
        Extra,
      })),
    );
  }
  console.log('');
}

/** Databases of earlier runs on this machine whose process is gone (killed before it could clean up). */
async function dropAbandoned(server) {
  const [rows] = await server.query("SHOW DATABASES LIKE 'academy\\_bench\\_p%'");
  for (const row of rows) {
    const name = Object.values(row)[0];
    const pid = Number(/^academy_bench_p(\d+)_/.exec(name)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    await server.query(`DROP DATABASE IF EXISTS \`${name}\``);
    log(`Dropped ${name}, left behind by a run that was killed.`);
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

// ---- helpers ---------------------------------------------------------------------------------------------

/** CPU time (user + system) a process has used, in ms, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
function tryRead(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** What the service logged (JSON lines at LOG_LEVEL=warn): slow-query warnings and errors, counted. */
function serviceLogSummary(file) {
  const lines = tryRead(file).split('\n').filter(Boolean);
  let slow = 0;
  let errors = 0;
  const slowest = [];
  const messages = new Set();
  for (const line of lines) {
    try {
      const entry = JSON.parse(line);
      const match = /^slow query \((\d+) ms\)/.exec(entry.msg ?? '');
      if (match) {
        slow++;
        slowest.push(Number(match[1]));
      } else if (entry.level >= 50) {
        errors++;
        messages.add(entry.err?.message ?? entry.msg);
      }
    } catch {
      // not JSON: a plain line from before the logger started
    }
  }
  return (
    `Service log: ${slow} slow-query warnings` +
    (slow ? ` (median ${median(slowest)} ms, worst ${Math.max(...slowest)} ms)` : '') +
    `, ${errors} errors${messages.size ? ` (${[...messages].slice(0, 3).join('; ')})` : ''}.`
  );
}
