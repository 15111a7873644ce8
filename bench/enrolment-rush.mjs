#!/usr/bin/env node
// An enrolment rush on the enrolment service with MariaDB: thousands of distinct volunteers go for the seats of
// one session at the same moment. It checks what must hold afterwards (exactly `capacity` confirmed, a waitlist
// numbered 1..n without gaps, one outbox event per enrolment, the seat counters equal to the rows) and prints
// throughput and latency, against a raw mysql2 loop doing the same work with the same pool size in the same run:
// a conditional `UPDATE … SET confirmed = confirmed + 1 WHERE id = ? AND confirmed < capacity`, the enrolment
// row and an outbox row, in one transaction per volunteer. The raw loop runs before and after the rush; the
// service is compared with the mean of the two.
//
//   node bench/enrolment-rush.mjs [--volunteers 5000] [--capacity 100] [--concurrency 64] [--json] [--cpu-prof dir]
//
// Needs MariaDB on 127.0.0.1:3306 (root, no password; MYSQL_URL overrides) and Redis on 127.0.0.1:6379, where
// the service gets logical database 13 (REDIS_URL overrides), emptied of the academy's keys when done: on the
// shared database it took other runs' leftover jobs. It builds dist/ when stale, creates two throwaway databases, starts
// `node dist/apps/enrolment/src/main.js` on a free port, puts the session and the volunteers into the
// enrolment service's replicas (and the volunteers into identity, whose session check every token passes), mints
// an access token per volunteer with the service's JWT secret, and drops everything it made when done.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { removeRedisKeys } from './support.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const require = createRequire(import.meta.url);
const mysql = require('mysql2/promise');
const jwt = require('jsonwebtoken');
const HOST = '127.0.0.1';
const MYSQL_URL = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/13';
/** The service's pool (libs/platform/src/database/database.options.ts); the raw loop gets the same. */
const POOL_SIZE = 20;

const { values } = parseArgs({
  options: {
    volunteers: { type: 'string', default: '5000' },
    capacity: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '64' },
    json: { type: 'boolean', default: false },
    // Writes a V8 CPU profile of the enrolment service (open it in Chrome DevTools or speedscope).
    'cpu-prof': { type: 'string' },
  },
});
const VOLUNTEERS = Number(values.volunteers);
const CAPACITY = Number(values.capacity);
const CONCURRENCY = Number(values.concurrency);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/**
 * The load generator's HTTP client: node:http over kept-alive connections, one per request in flight. fetch
 * (undici) cost this process about 2 ms of CPU per request, which on a small machine is taken from the service
 * it measures; this costs well under half of that.
 */
function post(agent, url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc; null where there is no /proc. On a
 * machine shared with other work the rates swing with the load, CPU per enrolment much less.
 */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

/** The MariaDB server's process id, when it runs on this machine. */
function databasePid() {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (name === 'mariadbd' || name === 'mysqld') return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** CPU milliseconds per request used by each of the given processes during `work`. */
async function measureCpu(pids, requests, work) {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const result = await work();
  const cpu = {};
  for (const [name, pid] of Object.entries(pids)) {
    const after = cpuSeconds(pid);
    cpu[name] = after === null || before[name] === null ? null : ((after - before[name]) * 1000) / requests;
  }
  return { ...result, cpuMsPerRequest: cpu };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work(i)` for i in 0..n-1 with at most `limit` in flight; returns each call's latency in ms. */
async function bounded(n, limit, work) {
  const latencies = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const started = performance.now();
      await work(i);
      latencies[i] = performance.now() - started;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return { seconds: (performance.now() - started) / 1000, latencies };
}

function summary({ seconds, latencies }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { rate: latencies.length / seconds, p50: at(0.5), p99: at(0.99), seconds };
}

/** What the service logged during the run (LOG_LEVEL=warn). */
const serviceLog = { slowQueries: 0, other: [] };

const mysqlDate = (date) => date.toISOString().slice(0, 23).replace('T', ' ');

async function main() {
  console.log('Building dist/ if stale…');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-needed'], {
    cwd: root,
    stdio: 'inherit',
  });

  const suffix = randomBytes(4).toString('hex');
  const serviceDb = `bench_enrolment_${suffix}`;
  const rawDb = `bench_raw_${suffix}`;
  const admin = await mysql.createConnection(MYSQL_URL);
  await admin.query(`CREATE DATABASE ${serviceDb} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.query(`CREATE DATABASE ${rawDb} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  // Jobs a killed run left behind would be taken by this run's service.
  await removeRedisKeys(REDIS_URL);
  const dataDir = mkdtempSync(join(tmpdir(), 'academy-rush-'));
  const secret = randomBytes(32).toString('hex');
  const port = await freePort();
  let child;
  const cleanup = async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await admin.query(`DROP DATABASE IF EXISTS ${serviceDb}`);
    await admin.query(`DROP DATABASE IF EXISTS ${rawDb}`);
    await admin.end();
    await removeRedisKeys(REDIS_URL).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
    child = spawn(process.execPath, [...profile, join(root, 'dist/apps/enrolment/src/main.js')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: `${MYSQL_URL}/${serviceDb}`,
        REDIS_URL,
        JWT_SECRET: secret,
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        DEMO_DATA: 'off',
        PUBLIC_URL: `http://${HOST}:${port}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The service warns about every slow query; under a rush that is hundreds of lines. Count them instead, and
    // pass on anything else it says.
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          if (line.includes('slow query')) serviceLog.slowQueries++;
          else if (line.trim()) serviceLog.other.push(line);
        }
      });
    }
    const base = `http://${HOST}:${port}`;
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) {
        throw new Error(
          `the enrolment service stopped (exit ${child.exitCode}):\n${serviceLog.other.slice(-20).join('\n')}`,
        );
      }
      const ready = await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (i > 600) throw new Error('the enrolment service did not become ready in 60 s');
      await sleep(100);
    }

    const db = await mysql.createPool({ uri: `${MYSQL_URL}/${serviceDb}`, connectionLimit: POOL_SIZE });
    const { sessionId, volunteers } = await seed(db);
    const tokens = volunteers.map((id, i) =>
      jwt.sign(
        {
          sub: id,
          name: `Frijwilliger ${i + 1}`,
          loc: 'nl',
          adm: false,
          mem: [[volunteers.org, 'volunteer']],
          sid: randomUUID(),
          sv: 0,
        },
        secret,
        {
          algorithm: 'HS256',
          issuer: 'vrijwilligersacademie',
          audience: 'vrijwilligersacademie-api',
          expiresIn: '15m',
        },
      ),
    );

    // A few warm-up calls (JIT, pool, caches) on a session of their own would muddle the invariants; the
    // service is instead warmed with reads that touch the same code paths up to the lock.
    for (let i = 0; i < 50; i++)
      await fetch(`${base}/api/sessions/${sessionId}/seats`).then((r) => r.arrayBuffer());

    // The raw loop runs right before and right after the rush, and the service is compared with their mean:
    // on a machine shared with other work the load moves within a minute, and one raw run would favour or
    // punish the service by chance.
    const mariadb = databasePid();
    console.log('Raw mysql2 loop (before), same pool size and concurrency…');
    const rawBefore = await measureCpu({ client: process.pid, mariadb }, VOLUNTEERS, () =>
      rawLoop(admin, rawDb),
    );

    console.log(`Rush: ${VOLUNTEERS} volunteers, ${CAPACITY} seats, ${CONCURRENCY} requests in flight…`);
    const statuses = new Map();
    const body = JSON.stringify({ sessionId });
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const service = await measureCpu(
      { service: child.pid, client: process.pid, mariadb },
      VOLUNTEERS,
      async () =>
        summary(
          await bounded(VOLUNTEERS, CONCURRENCY, async (i) => {
            const status = await post(
              agent,
              `${base}/api/enrolments`,
              { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
              body,
            );
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }),
        ),
    );
    agent.destroy();
    const errors = VOLUNTEERS - (statuses.get(201) ?? 0);
    const invariants = await check(db, sessionId);
    await db.end();

    console.log('Raw mysql2 loop (after)…');
    const rawAfter = await measureCpu({ client: process.pid, mariadb }, VOLUNTEERS, () =>
      rawLoop(admin, rawDb),
    );
    const raw = {
      rate: (rawBefore.rate + rawAfter.rate) / 2,
      before: rawBefore,
      after: rawAfter,
      invalid: rawBefore.invalid || rawAfter.invalid,
    };

    const ratio = service.rate / raw.rate;
    const result = {
      volunteers: VOLUNTEERS,
      capacity: CAPACITY,
      concurrency: CONCURRENCY,
      poolSize: POOL_SIZE,
      service: { ...service, statuses: Object.fromEntries(statuses), errors },
      raw,
      ratio,
      invariants,
      serviceLog: { slowQueries: serviceLog.slowQueries, other: serviceLog.other.slice(0, 50) },
    };
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      const row = (name, r) =>
        `${name.padEnd(22)} ${r.rate.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms   (${r.seconds.toFixed(2)} s)`;
      const cpu = (r) =>
        Object.entries(r.cpuMsPerRequest)
          .map(([name, ms]) => `${name} ${ms === null ? '-' : ms.toFixed(2)}`)
          .join(', ');
      console.log(row('raw mysql2 loop, before', rawBefore));
      console.log(row('enrolment service', service));
      console.log(row('raw mysql2 loop, after', rawAfter));
      console.log(
        `CPU ms per enrolment — service run: ${cpu(service)}; raw loop: ${cpu(rawBefore)} (before), ${cpu(rawAfter)} (after)`,
      );
      console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
      console.log(
        `service / raw (mean of before and after): ${(ratio * 100).toFixed(1)} % (target ≥ 50 %); ` +
          `against before alone ${((100 * service.rate) / rawBefore.rate).toFixed(1)} %, after alone ${((100 * service.rate) / rawAfter.rate).toFixed(1)} %`,
      );
      console.log(`HTTP statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
      console.log(
        `service log: ${serviceLog.slowQueries} slow-query warnings (> 1 s), ${serviceLog.other.length} other lines`,
      );
      for (const line of serviceLog.other.slice(0, 10)) console.log(`  ${line.slice(0, 300)}`);
      for (const [name, ok, detail] of invariants.checks)
        console.log(`${ok ? '✓' : '✗'} ${name}${detail ? `: ${detail}` : ''}`);
    }
    const failed = errors > 0 || invariants.checks.some(([, ok]) => !ok) || raw.invalid;
    process.exitCode = failed ? 1 : ratio < 0.5 ? 3 : 0;
  } finally {
    await cleanup();
  }
}

/** The session (published, one meeting in a month, enrolment open) and the volunteers, in both replicas. */
async function seed(db) {
  const now = new Date();
  const sessionId = randomUUID();
  const courseId = randomUUID();
  const org = randomUUID();
  const startsAt = new Date(now.getTime() + 30 * 86_400_000);
  const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
  await db.query(
    `INSERT INTO enrolment_courses (id, title, kind, language, attendance_threshold, version) VALUES (?, ?, 'workshop', 'nl', 75, 1)`,
    [courseId, 'Grenzen stellen als mantelzorger'],
  );
  await db.query(
    `INSERT INTO enrolment_sessions (id, course_id, capacity, minimum_participants, go_no_go_at, enrolment_opens_at,
       enrolment_closes_at, cancellation_deadline_hours, waitlist_mode, offer_hours, catalogue_status, cancel_reason,
       first_starts_at, last_ends_at, version, go_decision, go_decided_at, confirmed, offered, waitlisted,
       seats_version, updated_at)
     VALUES (?, ?, ?, 0, NULL, NULL, NULL, 48, 'auto', 24, 'published', NULL, ?, ?, 1, NULL, NULL, 0, 0, 0, 0, ?)`,
    [sessionId, courseId, CAPACITY, mysqlDate(startsAt), mysqlDate(endsAt), mysqlDate(now)],
  );
  await db.query(
    `INSERT INTO enrolment_meetings (id, session_id, position, starts_at, ends_at, location) VALUES (?, ?, 0, ?, ?, ?)`,
    [
      randomUUID(),
      sessionId,
      mysqlDate(startsAt),
      mysqlDate(endsAt),
      JSON.stringify({
        name: 'Dorpshuis De Skalm',
        place: 'Drachten',
        address: null,
        online: false,
        url: null,
      }),
    ],
  );
  const volunteers = Array.from({ length: VOLUNTEERS }, () => randomUUID());
  volunteers.org = org;
  for (let i = 0; i < volunteers.length; i += 1000) {
    const chunk = volunteers.slice(i, i + 1000);
    await db.query(
      `INSERT INTO identity_users (id, email, password_hash, display_name, locale, admin, disabled, session_version, created_at, updated_at) VALUES ?`,
      [
        chunk.map((id) => [
          id,
          `${id}@rush.test`,
          'no-login',
          `Frijwilliger ${id.slice(0, 6)}`,
          'nl',
          0,
          0,
          0,
          mysqlDate(now),
          mysqlDate(now),
        ]),
      ],
    );
    await db.query(
      `INSERT INTO enrolment_people (id, display_name, locale, admin, erased, snapshot_at) VALUES ?`,
      [chunk.map((id) => [id, `Frijwilliger ${id.slice(0, 6)}`, 'nl', 0, 0, mysqlDate(now)])],
    );
    await db.query(`INSERT INTO enrolment_memberships (user_id, organisation_id, role) VALUES ?`, [
      chunk.map((id) => [id, org, 'volunteer']),
    ]);
  }
  return { sessionId, volunteers };
}

async function check(db, sessionId) {
  const checks = [];
  const [[counts]] = await db.query(
    `SELECT SUM(status = 'confirmed') AS confirmed, SUM(status = 'waitlisted') AS waitlisted, COUNT(*) AS total,
            COUNT(DISTINCT user_id) AS people
       FROM enrolment_enrolments WHERE session_id = ?`,
    [sessionId],
  );
  const confirmed = Number(counts.confirmed);
  const waitlisted = Number(counts.waitlisted);
  checks.push(['exactly capacity confirmed', confirmed === CAPACITY, `${confirmed} of ${CAPACITY}`]);
  checks.push([
    'one enrolment per volunteer',
    Number(counts.total) === VOLUNTEERS && Number(counts.people) === VOLUNTEERS,
    `${counts.total} rows, ${counts.people} people`,
  ]);
  const [positions] = await db.query(
    `SELECT waitlist_position AS p FROM enrolment_enrolments WHERE session_id = ? AND status = 'waitlisted' ORDER BY waitlist_position`,
    [sessionId],
  );
  const gapFree = positions.every((row, i) => row.p === i + 1);
  checks.push([
    'waitlist 1..n without gaps',
    gapFree && waitlisted === VOLUNTEERS - CAPACITY,
    `${waitlisted} waitlisted, last ${positions.at(-1)?.p ?? '-'}`,
  ]);
  const [[session]] = await db.query(`SELECT confirmed, waitlisted FROM enrolment_sessions WHERE id = ?`, [
    sessionId,
  ]);
  checks.push([
    'seat counters equal the rows',
    session.confirmed === confirmed && session.waitlisted === waitlisted,
    `counters ${session.confirmed}/${session.waitlisted}`,
  ]);
  const [events] = await db.query(
    `SELECT type, COUNT(*) AS n, COUNT(DISTINCT JSON_VALUE(payload, '$.payload.enrolmentId')) AS enrolments
       FROM enrolment_outbox GROUP BY type ORDER BY type`,
  );
  const byType = Object.fromEntries(events.map((e) => [e.type, Number(e.n)]));
  const confirmedEvents = byType['enrolment.enrolment.confirmed.v1'] ?? 0;
  const waitlistedEvents = byType['enrolment.enrolment.waitlisted.v1'] ?? 0;
  const distinct = events
    .filter((e) => /confirmed|waitlisted/.test(e.type) && e.type.startsWith('enrolment.enrolment.'))
    .reduce((sum, e) => sum + Number(e.enrolments), 0);
  checks.push([
    'one outbox event per enrolment',
    confirmedEvents === CAPACITY && waitlistedEvents === VOLUNTEERS - CAPACITY && distinct === VOLUNTEERS,
    JSON.stringify(byType),
  ]);
  return { confirmed, waitlisted, events: byType, checks };
}

/** The same work by hand: one transaction per volunteer, conditional update, enrolment row, outbox row. */
async function rawLoop(admin, rawDb) {
  await admin.query(`USE ${rawDb}`);
  await admin.query(`DROP TABLE IF EXISTS sessions, enrolments, outbox`);
  await admin.query(
    `CREATE TABLE sessions (id VARCHAR(36) PRIMARY KEY, capacity INT NOT NULL, confirmed INT NOT NULL DEFAULT 0, waitlisted INT NOT NULL DEFAULT 0)`,
  );
  await admin.query(
    `CREATE TABLE enrolments (id VARCHAR(36) PRIMARY KEY, session_id VARCHAR(36) NOT NULL, user_id VARCHAR(36) NOT NULL,
       status VARCHAR(12) NOT NULL, waitlist_position INT NULL, active_key VARCHAR(80) NULL UNIQUE, created_at DATETIME(3) NOT NULL)`,
  );
  await admin.query(
    `CREATE TABLE outbox (id VARCHAR(36) PRIMARY KEY, type VARCHAR(120) NOT NULL, payload TEXT NOT NULL, created_at DATETIME(3) NOT NULL, published_at DATETIME(3) NULL)`,
  );
  const sessionId = randomUUID();
  await admin.query(`INSERT INTO sessions (id, capacity) VALUES (?, ?)`, [sessionId, CAPACITY]);
  const pool = mysql.createPool({ uri: `${MYSQL_URL}/${rawDb}`, connectionLimit: POOL_SIZE });
  const users = Array.from({ length: VOLUNTEERS }, () => randomUUID());
  const result = summary(
    await bounded(VOLUNTEERS, CONCURRENCY, async (i) => {
      const conn = await pool.getConnection();
      try {
        await conn.beginTransaction();
        const [seat] = await conn.query(
          `UPDATE sessions SET confirmed = confirmed + 1 WHERE id = ? AND confirmed < capacity`,
          [sessionId],
        );
        let status = 'confirmed';
        let position = null;
        if (seat.affectedRows === 0) {
          status = 'waitlisted';
          await conn.query(`UPDATE sessions SET waitlisted = LAST_INSERT_ID(waitlisted + 1) WHERE id = ?`, [
            sessionId,
          ]);
          const [[row]] = await conn.query(`SELECT LAST_INSERT_ID() AS p`);
          position = Number(row.p);
        }
        const id = randomUUID();
        const now = new Date();
        await conn.query(`INSERT INTO enrolments VALUES (?, ?, ?, ?, ?, ?, ?)`, [
          id,
          sessionId,
          users[i],
          status,
          position,
          `${sessionId}:${users[i]}`,
          now,
        ]);
        await conn.query(`INSERT INTO outbox (id, type, payload, created_at) VALUES (?, ?, ?, ?)`, [
          randomUUID(),
          `enrolment.enrolment.${status}.v1`,
          JSON.stringify({
            enrolmentId: id,
            sessionId,
            userId: users[i],
            status,
            waitlistPosition: position,
          }),
          now,
        ]);
        await conn.commit();
      } catch (error) {
        await conn.rollback();
        throw error;
      } finally {
        conn.release();
      }
    }),
  );
  const [[counts]] = await pool.query(
    `SELECT SUM(status = 'confirmed') AS c, MAX(waitlist_position) AS w, COUNT(*) AS n FROM enrolments`,
  );
  await pool.end();
  return {
    ...result,
    invalid:
      Number(counts.c) !== CAPACITY ||
      Number(counts.w) !== VOLUNTEERS - CAPACITY ||
      Number(counts.n) !== VOLUNTEERS,
  };
}

await main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
