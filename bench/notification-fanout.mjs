#!/usr/bin/env node
// A fan-out of reminders through the notification service: `--messages` reminder emails fall due at the same
// instant and go through the service's real pipeline — the dispatcher hands the delivery rows to the BullMQ
// mail queue, the workers render each message (HTML, text, unsubscribe link) and send it over SMTP — to an SMTP
// sink in this process. Against it, in the same run and on the same Redis: a BullMQ no-op worker at the same
// concurrency, fed the same number of jobs in the dispatcher's batch size.
//
//   node bench/notification-fanout.mjs [--messages 100000] [--concurrency 8] [--json] [--cpu-prof DIR]
//
// Prints enqueue and drain rates, end-to-end latency (due → accepted by the sink; for the no-op worker,
// added → done) p50/p99, Redis memory (INFO memory: before, peak while running, after), and the notification
// process's peak RSS (VmHWM). Checks the invariant: `--messages` distinct deliveries at the sink, none twice,
// every delivery row `sent`.
//
// Needs MariaDB on 127.0.0.1:3306 (root, no password; MYSQL_URL overrides) and redis-server on the PATH: it runs
// a private redis-server, so the memory figures are the bench's own. It builds dist/ when stale, creates a
// throwaway database, starts `node dist/apps/notification/src/main.js`, puts the recipients and the due
// reminder rows into its database (what the reminder scheduler writes), and drops everything when done.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BenchError, fmt, freePort, HOST, log, stop, waitForReady } from './support.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const require = createRequire(import.meta.url);
const mysql = require('mysql2/promise');
const IORedis = require('ioredis');
const { Queue, Worker } = require('bullmq');
const { SMTPServer } = require('smtp-server');
const { v7: uuidv7 } = require('uuid');
const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '8' },
    json: { type: 'boolean', default: false },
    // A directory: the service runs with --cpu-prof and writes its .cpuprofile there when it stops.
    'cpu-prof': { type: 'string' },
  },
});
const MESSAGES = Number(values.messages);
const CONCURRENCY = Number(values.concurrency);
/** The dispatcher hands over this many rows per round (delivery-dispatcher.ts); the no-op feed does the same. */
const HAND_OVER_BATCH = 200;
const say = values.json ? () => {} : log;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Peak and current resident set of a process, in MiB, from /proc (null where there is none). */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

async function redisMemory(redis) {
  const info = await redis.info('memory');
  return Number(/^used_memory:(\d+)/m.exec(info)[1]) / 1048576;
}

/** A private redis-server without persistence, so the memory figures are this run's alone. */
async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new BenchError('redis-server did not start')), 10_000);
    child.stdout.on('data', (chunk) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error) => reject(new BenchError(`redis-server: ${error.message}`)));
  });
  return { child, url: `redis://${HOST}:${port}` };
}

/**
 * The SMTP sink: counts each message by its Message-ID (the service derives it from the delivery id) when the
 * end of DATA arrives, and answers 250. It reads the headers only: parsing whole messages would take CPU from
 * the service it measures on a small machine.
 */
async function startSink() {
  const accepted = new Map();
  let duplicates = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 1000,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 16_384) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^message-id:\s*<([^>]+)>/im.exec(head)?.[1] ?? `unknown-${randomUUID()}`;
        if (accepted.has(id)) duplicates++;
        else accepted.set(id, Date.now());
        callback();
      });
    },
  });
  server.on('error', () => {});
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, HOST, resolve));
  return {
    url: `smtp://${HOST}:${port}`,
    accepted,
    duplicates: () => duplicates,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const mysqlDate = (date) => date.toISOString().slice(0, 23).replace('T', ' ');

/** The rows the reminder scheduler would have written: recipients and due reminder deliveries. */
async function seed(db, count, notBefore) {
  const start = Math.floor(Date.now() / 3_600_000) * 3_600_000 + 2 * 86_400_000;
  const meeting = {
    meetingId: randomUUID(),
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * 3_600_000).toISOString(),
    location: {
      name: 'Dorpshuis De Skalm',
      place: 'Drachten',
      address: 'Moleneind 1',
      online: false,
      url: null,
    },
  };
  const params = JSON.stringify({
    courseTitle: 'Grenzen stellen',
    startsAt: meeting.startsAt,
    meetings: [meeting],
  });
  const now = mysqlDate(new Date());
  const due = mysqlDate(notBefore);
  const locales = ['nl', 'fy', 'en'];
  for (let offset = 0; offset < count; offset += 1000) {
    const recipients = [];
    const deliveries = [];
    for (let i = offset; i < Math.min(count, offset + 1000); i++) {
      const id = randomUUID();
      recipients.push([
        id,
        `v${i}-${id.slice(0, 8)}@example.org`,
        `Frijwilliger ${i}`,
        locales[i % 3],
        0,
        0,
        now,
      ]);
      deliveries.push([
        uuidv7(),
        `bench-reminder:${id}:${meeting.startsAt}`,
        id,
        'meeting-reminder',
        locales[i % 3],
        params,
        null,
        'reminder',
        'queued',
        0,
        0,
        due,
        now,
        now,
      ]);
    }
    await db.query(
      'INSERT INTO notification_recipients (id, email, display_name, locale, admin, erased, snapshot_at) VALUES ?',
      [recipients],
    );
    await db.query(
      `INSERT INTO notification_deliveries (id, dedup_key, recipient_id, kind, locale, params, attachment, optional,
         status, attempts, retries, next_attempt_at, queued_at, updated_at) VALUES ?`,
      [deliveries],
    );
  }
}

/** Samples Redis memory and the service's RSS until `done()` holds; returns the peaks. */
function sampler(redis, pid) {
  let peakRedis = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        peakRedis = Math.max(peakRedis, await redisMemory(redis));
      } catch {
        // a sample lost
      }
      await sleep(250);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { peakRedisMiB: peakRedis, process: pid ? memoryOf(pid) : null };
  };
}

async function runService(redisUrl, sink, db, databaseUrl, dataDir) {
  const port = await freePort();
  const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [];
  const child = spawn(process.execPath, [...profile, join(root, 'dist/apps/notification/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      SMTP_URL: sink.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'error',
      DATA_DIR: dataDir,
      DEMO_DATA: 'off',
      MAIL_CONCURRENCY: String(CONCURRENCY),
      MAIL_POLL_MS: '100',
      PUBLIC_URL: `http://${HOST}:${port}`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const errors = [];
  child.stderr.on('data', (chunk) => errors.push(chunk.toString()));
  try {
    await waitForReady(`http://${HOST}:${port}`, child, 120_000);
    say(`Seeding ${MESSAGES.toLocaleString('en-GB')} recipients and reminder rows…`);
    await seed(db, MESSAGES, new Date(Date.now() + 365 * 86_400_000));
    const redis = new IORedis(redisUrl);
    const redisBefore = await redisMemory(redis);
    // Everything falls due at one instant, a little ahead so the UPDATE is done by then.
    const due = Date.now() + 3000;
    await db.query('UPDATE notification_deliveries SET next_attempt_at = ?', [mysqlDate(new Date(due))]);
    if (Date.now() > due) say('⚠ the rows fell due before the UPDATE finished; latencies include that.');
    const finish = sampler(redis, child.pid);
    say(`Due at ${new Date(due).toISOString()}; draining through the service…`);
    let handedAt = null;
    const deadline = Date.now() + Math.max(600_000, MESSAGES * 60);
    let lastReport = 0;
    while (sink.accepted.size < MESSAGES) {
      if (child.exitCode !== null)
        throw new BenchError(`the service exited (${child.exitCode}): ${errors.join('')}`);
      if (Date.now() > deadline) {
        throw new BenchError(
          `only ${sink.accepted.size} of ${MESSAGES} messages arrived before the deadline`,
        );
      }
      if (handedAt === null && Date.now() > due) {
        const [[{ waiting }]] = await db.query(
          "SELECT COUNT(*) AS waiting FROM notification_deliveries WHERE status = 'queued' AND next_attempt_at <= ?",
          [mysqlDate(new Date(due))],
        );
        if (Number(waiting) === 0) handedAt = Date.now();
      }
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        say(`  ${sink.accepted.size.toLocaleString('en-GB')} at the sink`);
      }
      await sleep(500);
    }
    const drainedAt = Date.now();
    const peaks = await finish();
    const redisAfter = await redisMemory(redis);
    await redis.quit();
    const [[{ sent }]] = await db.query(
      "SELECT COUNT(*) AS sent FROM notification_deliveries WHERE status = 'sent'",
    );
    const latencies = [...sink.accepted.values()].map((at) => at - due).sort((a, b) => a - b);
    return {
      enqueueRate: handedAt ? MESSAGES / ((handedAt - due) / 1000) : null,
      drainRate: MESSAGES / ((drainedAt - due) / 1000),
      seconds: (drainedAt - due) / 1000,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      redisMiB: { before: redisBefore, peak: peaks.peakRedisMiB, after: redisAfter },
      workerPeakRssMiB: peaks.process?.peakMiB ?? null,
      distinct: sink.accepted.size,
      duplicates: sink.duplicates(),
      rowsSent: Number(sent),
    };
  } finally {
    await stop(child);
  }
}

/** The same number of jobs through BullMQ to a worker that does nothing, at the same concurrency. */
async function runNoop(redisUrl) {
  const prefix = `bench-noop-${randomBytes(3).toString('hex')}`;
  const producer = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const consumer = new IORedis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('notification-mail', { connection: producer, prefix });
  const redisBefore = await redisMemory(producer);
  const done = [];
  let resolveAll;
  const all = new Promise((resolve) => (resolveAll = resolve));
  const started = Date.now();
  const worker = new Worker(
    'notification-mail',
    async () => {
      done.push(Date.now() - started);
      if (done.length === MESSAGES) resolveAll();
    },
    { connection: consumer, prefix, concurrency: CONCURRENCY, autorun: true },
  );
  const finish = sampler(producer, null);
  for (let offset = 0; offset < MESSAGES; offset += HAND_OVER_BATCH) {
    const jobs = [];
    for (let i = offset; i < Math.min(MESSAGES, offset + HAND_OVER_BATCH); i++) {
      jobs.push({
        name: 'deliver',
        data: { deliveryId: uuidv7(), attempts: 0, retries: 0 },
        opts: {
          jobId: uuidv7(),
          attempts: 3,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: { age: 3600, count: 10_000 },
          removeOnFail: true,
        },
      });
    }
    await queue.addBulk(jobs);
  }
  const enqueuedAt = Date.now();
  await all;
  const drainedAt = Date.now();
  const peaks = await finish();
  const redisAfter = await redisMemory(producer);
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  producer.disconnect();
  consumer.disconnect();
  const latencies = done.sort((a, b) => a - b);
  return {
    enqueueRate: MESSAGES / ((enqueuedAt - started) / 1000),
    drainRate: MESSAGES / ((drainedAt - started) / 1000),
    seconds: (drainedAt - started) / 1000,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    redisMiB: { before: redisBefore, peak: peaks.peakRedisMiB, after: redisAfter },
  };
}

async function main() {
  say('Building dist/ if stale…');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-needed'], {
    cwd: root,
    stdio: values.json ? 'ignore' : 'inherit',
  });
  const name = `bench_notification_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const db = await mysql.createConnection(`${MYSQL_URL}/${name}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'academy-fanout-'));
  const redis = await startRedis();
  const sink = await startSink();
  const cleanup = async () => {
    redis.child.kill('SIGKILL');
    await sink.close();
    await db.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
    const service = await runService(redis.url, sink, db, `${MYSQL_URL}/${name}`, dataDir);
    say('The BullMQ no-op worker…');
    const noop = await runNoop(redis.url);
    const loadAfter = readFileSync('/proc/loadavg', 'utf8').trim();
    const ok = service.distinct === MESSAGES && service.duplicates === 0 && service.rowsSent === MESSAGES;
    const result = { messages: MESSAGES, concurrency: CONCURRENCY, service, noop, loadBefore, loadAfter, ok };
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      const line = (label, s) =>
        log(
          `${label.padEnd(22)} enqueue ${s.enqueueRate === null ? '—' : fmt(s.enqueueRate)}/s, drain ${fmt(s.drainRate)}/s ` +
            `(${fmt(s.seconds)} s), e2e p50 ${fmt(s.p50Ms)} ms, p99 ${fmt(s.p99Ms)} ms, Redis ${fmt(s.redisMiB.before)} → ` +
            `peak ${fmt(s.redisMiB.peak)} → ${fmt(s.redisMiB.after)} MiB`,
        );
      log(`\n${MESSAGES.toLocaleString('en-GB')} reminders, concurrency ${CONCURRENCY}`);
      line('notification service', service);
      log(`${''.padEnd(22)} worker peak RSS ${fmt(service.workerPeakRssMiB ?? NaN)} MiB`);
      line('BullMQ no-op worker', noop);
      log(`drain ratio service/no-op: ${(service.drainRate / noop.drainRate).toFixed(3)}`);
      log(`load before ${loadBefore} · after ${loadAfter}`);
      log(
        ok
          ? `✔ ${MESSAGES.toLocaleString('en-GB')} distinct deliveries at the sink, none twice, every row sent`
          : `✖ invariant broken: ${service.distinct} distinct, ${service.duplicates} twice, ${service.rowsSent} rows sent`,
      );
    }
    if (!ok) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  if (error instanceof BenchError) {
    console.error(`✖ ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
