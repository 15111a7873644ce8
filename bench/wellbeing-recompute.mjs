#!/usr/bin/env node
// The nightly load-signal recompute over a large population on MariaDB: 100,000 volunteers with 5,000,000
// attendance and duty rows, timed against a single set-based SQL aggregate over the same rows in the same run.
//
//   node bench/wellbeing-recompute.mjs [--volunteers 100000] [--batch-size 1000] [--keep-database] [--no-build] [--json]
//                                      [--dist <dir>] [--reuse <database>] [--no-warm-up] [--heap-mb <n | 0>]
//
// Steps: build dist/ if stale; create a throwaway MariaDB database and its enrolment schema (the context's own
// migrations, from dist/); seed it with INSERT … SELECT from MariaDB's sequence tables (seq_1_to_N) — people,
// memberships, 2,000 sessions of 10 meetings, 2.5 enrolments per volunteer with an attendance row per meeting
// (2.5 M), 25 duties per volunteer (2.5 M) and some weekly check-ins; the seed time is not measured. Then:
//   1. the SQL reference: ONE statement computing VOL-1 (mean weighted hours over the last 4 weeks, duties over
//      check-ins, + 0.5 × training hours attended; level by the default thresholds) for every volunteer;
//   2. the recompute: a child process (node, dist/) that opens the context's DataSource and calls
//      EvaluationService.recomputeAll(now) — W2's nightly entry point: batches of volunteers, set-based weekly
//      aggregates, the pure rules, assessments, history and flags written per batch. The child runs with the
//      enrolment service's deployed heap limit (NODE_OPTIONS=--max-old-space-size in docker/Dockerfile; --heap-mb N
//      for another, --heap-mb 0 for Node's default) and reports its own time and peak RSS (getrusage maxrss);
//   3. the check: every volunteer's stored VOL-1 value and level equal the SQL reference's.
// Targets (issue 6): recompute ≤ 3 × the SQL aggregate's time, peak RSS < 300 MB.
//
// Seeded times lie in the 12 weeks before the run's `now`; the reference reads the Amsterdam week boundaries of
// the last 4 weeks computed here, so it does not depend on the service's week arithmetic.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BenchError, fmt, log } from './support.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const require = createRequire(import.meta.url);
const MARIADB_URL = process.env.BENCH_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306';
const SESSIONS = 2_000;
const MEETINGS_PER_SESSION = 10;
const DUTIES_PER_VOLUNTEER = 25;
const ORGANISATIONS = 1_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TARGET_RATIO = 3;
const TARGET_RSS_MB = 300;
/** Seconds before `now` a duty starts: every 3.3 days over the last twelve weeks, or for every fifth volunteer every
 * two days before the last four weeks. */
const DUTY_OFFSET = `(3600 * (CASE WHEN v.seq % 5 = 0 THEN 29 * 24 + ((v.seq * 13) % 72) + d.seq * 50
                                 ELSE 10 + ((v.seq * 13) % 72) + d.seq * 79 END))`;

const { values } = parseArgs({
  options: {
    volunteers: { type: 'string', default: '100000' },
    'batch-size': { type: 'string', default: '' },
    // The recompute child's V8 heap limit (--max-old-space-size); default: the enrolment service's, as deployed
    // (docker/Dockerfile); 0: Node's own default (which grows with the machine's memory).
    'heap-mb': { type: 'string', default: '' },
    // Measure on a database seeded (and kept) by an earlier run: skips schema and seed; `now` is the seed's.
    reuse: { type: 'string' },
    // Skip the unmeasured first run of the reference (at 100,000 volunteers it takes minutes and the rows do not
    // fit the buffer pool anyway).
    'no-warm-up': { type: 'boolean', default: false },
    'keep-database': { type: 'boolean', default: false },
    // Another build of the repository (`tsc --outDir X` + `tsc-alias --outDir X`), e.g. a private one while others
    // rebuild dist/; implies --no-build.
    dist: { type: 'string', default: 'dist' },
    // Measure the dist/ that is there (when a half-done change elsewhere breaks the build for a while).
    'no-build': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    child: { type: 'string' },
    now: { type: 'string' },
  },
});
const dist = (path) => require(resolve(root, values.dist, path));
/** The recompute child's --max-old-space-size (set in main); undefined: Node's default. */
let heapMb;

/** The measured part, in a process of its own: W2's nightly recompute over the context's own DataSource. */
async function recomputeChild(databaseUrl, now, batchSize) {
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = dist('libs/platform/src/database/database.options.js');
  const { enrolmentEntities, enrolmentMigrations } = dist('libs/enrolment/src/enrolment.database.js');
  const wellbeing = (path) => dist(`libs/enrolment/src/wellbeing/${path}`);
  const { EvaluationService } = wellbeing('evaluation/evaluation.service.js');
  const { WeeklyAggregatesRepository } = wellbeing('evaluation/weekly-aggregates.repository.js');
  const { AssessmentsRepository } = wellbeing('evaluation/assessments.repository.js');
  const { FlagRaiser } = wellbeing('flags/flag-raiser.js');
  const { FlagsRepository } = wellbeing('flags/flags.repository.js');
  const { SharingRepository } = wellbeing('inputs/sharing.repository.js');
  const { Flag } = wellbeing('wellbeing.entities.js');

  const workDir = mkdtempSync(join(tmpdir(), 'bench-wellbeing-child-'));
  const dataSource = new DataSource({
    ...dataSourceOptions(
      { databaseUrl, dataDir: workDir },
      { context: 'enrolment', entities: enrolmentEntities, migrations: enrolmentMigrations },
    ),
    // BENCH_PROFILE=1: every query slower than 200 ms on stderr, to find where the time goes.
    ...(process.env.BENCH_PROFILE
      ? { logger: 'advanced-console', logging: ['warn'], maxQueryExecutionTime: 200 }
      : { logger: undefined, logging: false }),
  });
  await dataSource.initialize();
  const evaluation = new EvaluationService(
    dataSource,
    new WeeklyAggregatesRepository(dataSource),
    new AssessmentsRepository(dataSource),
    new FlagRaiser(new FlagsRepository(dataSource.getRepository(Flag)), new SharingRepository(dataSource)),
  );
  const phases = {};
  if (process.env.BENCH_PROFILE) {
    // Time spent per phase of a batch, summed over the run.
    const timed = (object, method, name) => {
      const original = object[method].bind(object);
      object[method] = async (...args) => {
        const t = performance.now();
        try {
          return await original(...args);
        } finally {
          phases[name] = (phases[name] ?? 0) + performance.now() - t;
        }
      };
    };
    timed(evaluation.aggregates, 'gather', 'gather');
    for (const m of Object.getOwnPropertyNames(Object.getPrototypeOf(evaluation.aggregates))) {
      if (!['constructor', 'gather', 'volunteerIdsAfter'].includes(m))
        timed(evaluation.aggregates, m, `gather.${m}`);
    }
    timed(evaluation.aggregates, 'volunteerIdsAfter', 'ids');
    timed(evaluation.assessments, 'lockPrevious', 'lockPrevious');
    timed(evaluation.assessments, 'save', 'save');
    timed(evaluation, 'configsFor', 'configs');
    timed(evaluation.flags, 'onLevelChanges', 'flags');
  }
  const rssBefore = process.resourceUsage().maxRSS;
  const started = performance.now();
  const report = await evaluation.recomputeAll(now, ...(batchSize ? [batchSize] : []));
  const ms = performance.now() - started;
  const usage = process.resourceUsage();
  await dataSource.destroy();
  rmSync(workDir, { recursive: true, force: true });
  console.log(
    `RESULT ${JSON.stringify({ ms, phases, report, peakRssKb: usage.maxRSS, rssBeforeKb: rssBefore, cpuUserMs: usage.userCPUTime / 1000 })}`,
  );
}

async function main() {
  heapMb = values['heap-mb'] === '' ? deployedHeapMb() : Number(values['heap-mb']) || undefined;
  const volunteers = Number(values.volunteers);
  if (!Number.isInteger(volunteers) || volunteers < 100) throw new BenchError('--volunteers must be ≥ 100');
  const mysql = require('mysql2/promise');
  const database = values.reuse ?? `bench_wellbeing_${randomBytes(4).toString('hex')}`;
  let created = false;
  const cleanup = async () => {
    if (!created) return;
    if (values['keep-database'] || values.reuse) {
      log(`Kept the database ${database} (--keep-database).`);
      return;
    }
    const server = await mysql.createConnection(MARIADB_URL).catch(() => undefined);
    await server?.query(`DROP DATABASE IF EXISTS \`${database}\``).catch(() => undefined);
    await server?.end();
  };
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => void cleanup().then(() => process.exit(130)));

  try {
    if (!values['no-build'] && values.dist === 'dist')
      log('Building dist/ if it is missing or older than the sources…');
    if (!values['no-build'] && values.dist === 'dist')
      try {
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
    if (!values.reuse) {
      for (const [name] of (await server.query(`SHOW DATABASES LIKE 'bench\\_wellbeing\\_%'`))[0].map(
        Object.values,
      )) {
        await server.query(`DROP DATABASE IF EXISTS \`${name}\``);
      }
      await server.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    }
    created = true;
    await server.end();
    const databaseUrl = `${MARIADB_URL.replace(/\/$/, '')}/${database}`;

    if (!values.reuse) await createSchema(databaseUrl);
    const db = await mysql.createConnection({ uri: databaseUrl, timezone: 'Z', dateStrings: true });
    // Whole seconds: every stored time and the boundaries compare exactly. A reused database keeps its seed's.
    const now = values.reuse
      ? new Date(
          `${(await db.query('SELECT MAX(snapshot_at) AS t FROM enrolment_people'))[0][0].t.replace(' ', 'T')}Z`,
        )
      : new Date(Math.floor(Date.now() / 1000) * 1000);
    const seedStarted = Date.now();
    const counts = values.reuse ? await countRows(db) : await seed(db, volunteers, now);
    if (values.reuse) {
      // A run measures a fresh recompute: nothing of an earlier one may count as "previous".
      for (const table of [
        'wellbeing_assessments',
        'wellbeing_signal_history',
        'wellbeing_flags',
        'wellbeing_flag_notes',
      ]) {
        await db.query(`DELETE FROM ${table}`);
      }
      await db.query('DELETE FROM enrolment_outbox');
    }
    if (!values.reuse)
      log(
        `Seeded ${fmt(counts.people)} volunteers, ${fmt(counts.attendance)} attendance rows, ${fmt(counts.duties)} duties ` +
          `(${fmt(counts.attendance + counts.duties)} together), ${fmt(counts.enrolments)} enrolments, ` +
          `${fmt(counts.checkIns)} check-ins in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s (not measured).`,
      );
    await db.query(
      'ANALYZE TABLE wellbeing_duties, enrolment_attendance, enrolment_enrolments, enrolment_meetings',
    );

    const boundaries = weekBoundaries(now);
    log('1. The SQL reference: one set-based statement over the same rows…');
    // Once unmeasured so both sides start from the same warm buffer pool, then measured.
    if (!values['no-warm-up']) await referenceAggregate(db, boundaries, now, 'window');
    const sqlStarted = performance.now();
    const reference = await referenceAggregate(db, boundaries, now, 'window');
    const sqlMs = performance.now() - sqlStarted;
    log(`   all rows of the 52-week window by volunteer and week, VOL-1 from the last 4: ${fmt(sqlMs)} ms`);
    const narrowStarted = performance.now();
    const narrow = await referenceAggregate(db, boundaries, now, 'vol1');
    const narrowMs = performance.now() - narrowStarted;
    log(
      `   (the last 4 weeks' rows only: ${fmt(narrowMs)} ms; ${fmt(reference.size)} volunteers with VOL-1 data)`,
    );
    if (narrow.size !== reference.size) throw new BenchError('the two reference scopes disagree');
    log(
      `2. The nightly recompute (EvaluationService.recomputeAll) in a child process, ${
        heapMb ? `--max-old-space-size=${heapMb}` : "Node's default heap"
      }${values['heap-mb'] === '' ? " (the enrolment service's setting in docker/Dockerfile)" : ' (--heap-mb)'}…`,
    );
    const child = await runChild(databaseUrl, now);
    log(
      `   ${fmt(child.report.volunteers)} volunteers in ${child.report.batches} batches, ` +
        `${fmt(child.report.flagsRaised)} flags raised, in ${fmt(child.ms)} ms; peak RSS ${fmt(child.peakRssKb / 1024)} MB ` +
        `(${fmt(child.rssBeforeKb / 1024)} MB after start-up).`,
    );

    if (process.env.BENCH_PROFILE)
      log(
        `   phases (ms): ${JSON.stringify(child.phases, (k, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
      );
    log('3. Checking every stored VOL-1 against the SQL reference…');
    const check = await compare(db, reference, volunteers);
    await db.end();

    const ratio = child.ms / sqlMs;
    const rssMb = child.peakRssKb / 1024;
    const figures = {
      date: new Date().toISOString(),
      commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30)} GB`,
      loadavg: loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
      volunteers,
      rows: counts,
      sqlMs: Math.round(sqlMs),
      sqlLastFourWeeksMs: Math.round(narrowMs),
      recomputeMs: Math.round(child.ms),
      ratio: Number(ratio.toFixed(2)),
      peakRssMb: Number(rssMb.toFixed(0)),
      startupRssMb: Number((child.rssBeforeKb / 1024).toFixed(0)),
      heapMb: heapMb ?? null,
      batches: child.report.batches,
      flagsRaised: child.report.flagsRaised,
      check,
    };
    if (values.json) console.log(JSON.stringify(figures));
    log('');
    log(
      `SQL aggregate ${fmt(sqlMs)} ms · recompute ${fmt(child.ms)} ms · ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})`,
    );
    log(
      `peak RSS of the recompute ${rssMb.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB), ` +
        (heapMb ? `--max-old-space-size=${heapMb}` : "Node's default heap"),
    );
    log(
      `results: ${fmt(check.compared)} compared, ${check.mismatches} mismatches, ` +
        `${check.missing} volunteers without an assessment`,
    );
    log(`load average at the end: ${figures.loadavg}; commit ${figures.commit}; ${figures.machine}`);
    const ok =
      ratio <= TARGET_RATIO && rssMb < TARGET_RSS_MB && check.mismatches === 0 && check.missing === 0;
    log(ok ? '✔ within the targets, results equal' : '✖ outside a target or results differ (see above)');
    await cleanup();
    process.exit(check.mismatches === 0 && check.missing === 0 ? 0 : 1);
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function createSchema(databaseUrl) {
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = dist('libs/platform/src/database/database.options.js');
  const { enrolmentEntities, enrolmentMigrations } = dist('libs/enrolment/src/enrolment.database.js');
  const workDir = mkdtempSync(join(tmpdir(), 'bench-wellbeing-'));
  const dataSource = new DataSource({
    ...dataSourceOptions(
      { databaseUrl, dataDir: workDir },
      { context: 'enrolment', entities: enrolmentEntities, migrations: enrolmentMigrations },
    ),
    logger: undefined,
    logging: false,
  });
  await dataSource.initialize();
  await dataSource.destroy();
  rmSync(workDir, { recursive: true, force: true });
}

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, as the context stores datetimes. */
const sqlTime = (at) => at.toISOString().replace('T', ' ').replace('Z', '');
const VID = (x) => `CONCAT('00000000-0000-4000-8000-', LPAD(${x}, 12, '0'))`;
const SID = (x) => `CONCAT('00000000-0000-4000-9000-', LPAD(${x}, 12, '0'))`;

async function seed(db, volunteers, now) {
  const T = `'${sqlTime(now)}'`;
  await db.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  // seq_… columns are unsigned; offsets subtract from them.
  await db.query("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_UNSIGNED_SUBTRACTION')");
  const chunk = 20_000;
  const ranges = [];
  for (let from = 1; from <= volunteers; from += chunk)
    ranges.push([from, Math.min(volunteers, from + chunk - 1)]);

  for (const [a, b] of ranges) {
    await db.query(
      `INSERT INTO enrolment_people (id, display_name, locale, admin, erased, snapshot_at)
       SELECT ${VID('seq')}, CONCAT('Vrijwilliger ', seq), 'nl', 0, 0, ${T} FROM seq_${a}_to_${b}`,
    );
    await db.query(
      `INSERT INTO enrolment_memberships (user_id, organisation_id, role)
       SELECT ${VID('seq')}, CONCAT('00000000-0000-4000-7000-', LPAD(seq % ${ORGANISATIONS}, 12, '0')), 'volunteer'
         FROM seq_${a}_to_${b}`,
    );
  }
  // Sessions of ten two-hour meetings, spread over the last twelve weeks (every meeting has started).
  await db.query(
    `INSERT INTO enrolment_meetings (id, session_id, position, starts_at, ends_at, location)
     SELECT CONCAT('00000000-0000-4000-b00', k.seq, '-', LPAD(s.seq, 12, '0')), ${SID('s.seq')}, k.seq + 1,
            TIMESTAMPADD(SECOND, -((2 + ((s.seq * 7 + k.seq * 8) % 82)) * 86400 + (s.seq % 10) * 3600), ${T}),
            TIMESTAMPADD(SECOND, 7200 - ((2 + ((s.seq * 7 + k.seq * 8) % 82)) * 86400 + (s.seq % 10) * 3600), ${T}),
            '{"name":"Dorpshuis"}'
       FROM seq_1_to_${SESSIONS} s JOIN seq_0_to_${MEETINGS_PER_SESSION - 1} k`,
  );
  await db.query(
    `INSERT INTO enrolment_sessions (id, course_id, capacity, minimum_participants, waitlist_mode, catalogue_status,
            first_starts_at, last_ends_at, version, updated_at)
     SELECT m.session_id, CONCAT('00000000-0000-4000-6000-', LPAD(RIGHT(m.session_id, 12) % 50, 12, '0')), 500, 0,
            'auto', 'published', MIN(m.starts_at), MAX(m.ends_at), 1, ${T}
       FROM enrolment_meetings m GROUP BY m.session_id`,
  );
  for (const [a, b] of ranges) {
    // 2 or 3 enrolments per volunteer, in sessions 667 apart (never the same one twice).
    await db.query(
      `INSERT INTO enrolment_enrolments (id, session_id, user_id, status, active_key, late, created_at, confirmed_at, updated_at)
       SELECT CONCAT('00000000-0000-4000-a00', j.seq, '-', LPAD(v.seq, 12, '0')),
              ${SID(`((v.seq + j.seq * 667) % ${SESSIONS}) + 1`)}, ${VID('v.seq')}, 'confirmed',
              CONCAT(v.seq, ':', j.seq), 0, ${T}, ${T}, ${T}
         FROM seq_${a}_to_${b} v JOIN seq_0_to_2 j ON j.seq < 2 + (v.seq % 2)`,
    );
  }
  for (const [a, b] of ranges) {
    // One attendance row per meeting of each enrolment: mostly present, some late, absent or excused.
    await db.query(
      `INSERT INTO enrolment_attendance (enrolment_id, meeting_id, session_id, status, recorded_at)
       SELECT e.id, m.id, e.session_id,
              ELT(1 + CRC32(CONCAT(e.id, m.id)) % 20, 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'late', 'absent', 'excused', 'excused'),
              ${T}
         FROM enrolment_enrolments e JOIN enrolment_meetings m ON m.session_id = e.session_id
        WHERE e.user_id BETWEEN ${VID(a)} AND ${VID(b)}`,
    );
    // 25 duties per volunteer in the last twelve weeks, of 30 minutes to 6 hours (quarter hours); every fifth
    // volunteer logs duties only before the last four weeks and gives check-ins for those.
    await db.query(
      `INSERT INTO wellbeing_duties (id, volunteer_id, starts_at, ends_at, role, entered_by, created_at)
       SELECT CONCAT(LPAD(d.seq, 8, '0'), '-0000-4000-c000-', LPAD(v.seq, 12, '0')), ${VID('v.seq')},
              TIMESTAMPADD(SECOND, -${DUTY_OFFSET}, ${T}),
              TIMESTAMPADD(SECOND, 900 * (2 + (v.seq % 10) * 2 + (d.seq % 4)) - ${DUTY_OFFSET}, ${T}),
              NULL, NULL, ${T}
         FROM seq_${a}_to_${b} v JOIN seq_0_to_${DUTIES_PER_VOLUNTEER - 1} d`,
    );
  }
  // Check-ins for the last four weeks: every fifth volunteer (their only hours there), and every seventh of the
  // rest (40 h, which their logged duties must override).
  const weeks = weekStarts(now);
  for (const [index, week] of weeks.entries()) {
    await db.query(
      `INSERT INTO wellbeing_check_ins (volunteer_id, week_start, volunteer_hours, active_roles, created_at)
       SELECT ${VID('seq')}, '${week}', CASE WHEN seq % 5 = 0 THEN (seq + ${index} * 7) % 13 ELSE 40 END, NULL, ${T}
         FROM seq_1_to_${volunteers} WHERE seq % 5 = 0 OR seq % 7 = 1`,
    );
  }
  return countRows(db);
}

async function countRows(db) {
  const count = async (table) => Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0][0].n);
  return {
    people: await count('enrolment_people'),
    enrolments: await count('enrolment_enrolments'),
    attendance: await count('enrolment_attendance'),
    duties: await count('wellbeing_duties'),
    checkIns: await count('wellbeing_check_ins'),
  };
}

/** The Mondays of the last four weeks, the current one last (the service's own calendar helpers, from dist/). */
function weekStarts(now) {
  const { weekStartOf, addWeeks } = dist('libs/enrolment/src/wellbeing/rules/week.js');
  const current = weekStartOf(now);
  return [3, 2, 1, 0].map((back) => addWeeks(current, -back));
}

/** The UTC instants of those Mondays at 00:00 in Amsterdam, and of the next Monday. */
function weekBoundaries(now) {
  const starts = weekStarts(now);
  const { addWeeks } = dist('libs/enrolment/src/wellbeing/rules/week.js');
  const boundaries = [...starts, addWeeks(starts[3], 1)].map((day) => ({ day, at: amsterdamMidnight(day) }));
  // The first Monday of the 52 weeks the recompute reads (WINDOW_WEEKS in weekly-aggregates.repository.ts).
  boundaries.windowStartDay = addWeeks(starts[3], -51);
  boundaries.windowStart = amsterdamMidnight(boundaries.windowStartDay);
  return boundaries;
}

/** 00:00 of a day in Europe/Amsterdam as a UTC instant, found with Intl (no dependency on the service's code). */
function amsterdamMidnight(day) {
  const guess = Date.parse(`${day}T00:00:00Z`);
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  for (const offsetHours of [1, 2]) {
    const at = new Date(guess - offsetHours * HOUR);
    const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
    if (`${parts.year}-${parts.month}-${parts.day}` === day && parts.hour === '00' && parts.minute === '00')
      return at;
  }
  throw new Error(`no Amsterdam midnight found for ${day}`);
}

/**
 * VOL-1 for everyone in one statement: per volunteer and week, volunteer hours from duties where any were logged,
 * else the check-in's; plus half the hours of meetings attended (present or late); weeks without volunteer hours
 * left out; mean and maximum over the known weeks; the default thresholds (amber ≥ 8, red ≥ 16 or a week ≥ 24).
 */
async function referenceAggregate(db, boundaries, now, scope) {
  const at = boundaries.map((b) => `'${sqlTime(b.at)}'`);
  // scope 'window': every row of the 52 weeks the recompute reads, grouped by volunteer and week as it does
  // (older weeks get negative indexes); scope 'vol1': only the rows of the last four weeks.
  const from = scope === 'window' ? `'${sqlTime(boundaries.windowStart)}'` : at[0];
  const week = (column) =>
    `CASE WHEN ${column} < ${at[0]} THEN FLOOR(TIMESTAMPDIFF(SECOND, ${at[0]}, ${column}) / 604800)
          WHEN ${column} < ${at[1]} THEN 0 WHEN ${column} < ${at[2]} THEN 1 WHEN ${column} < ${at[3]} THEN 2 ELSE 3 END`;
  const checkInWeek = `CASE ${boundaries
    .slice(0, 4)
    .map((b, i) => `WHEN c.week_start = '${b.day}' THEN ${i}`)
    .join(' ')} ELSE -1 - DATEDIFF('${boundaries[0].day}', c.week_start) DIV 7 END`;
  const until = `'${sqlTime(new Date(Math.min(now.getTime(), boundaries[4].at.getTime())))}'`;
  const [rows] = await db.query(
    `SELECT v, SUM(CASE WHEN i >= 0 THEN wh END) AS total, SUM(CASE WHEN i >= 0 AND wh IS NOT NULL THEN 1 ELSE 0 END) AS n,
            MAX(CASE WHEN i >= 0 THEN wh END) AS mx, COUNT(*) AS weeks
       FROM (SELECT v, i,
                    COALESCE(SUM(duty_s) / 3600, MAX(check_in_h)) + 0.5 * SUM(train_s) / 3600 AS wh
               FROM (SELECT d.volunteer_id AS v, ${week('d.starts_at')} AS i,
                            TIMESTAMPDIFF(SECOND, d.starts_at, d.ends_at) AS duty_s, NULL AS check_in_h, 0 AS train_s
                       FROM wellbeing_duties d WHERE d.starts_at >= ${from} AND d.starts_at < ${at[4]}
                     UNION ALL
                     SELECT c.volunteer_id, ${checkInWeek}, NULL, c.volunteer_hours, 0
                       FROM wellbeing_check_ins c
                      WHERE c.week_start >= '${scope === 'window' ? boundaries.windowStartDay : boundaries[0].day}'
                        AND c.week_start <= '${boundaries[3].day}'
                     UNION ALL
                     SELECT e.user_id, ${week('m.starts_at')}, NULL, NULL, TIMESTAMPDIFF(SECOND, m.starts_at, m.ends_at)
                       FROM enrolment_meetings m
                       JOIN enrolment_attendance a ON a.meeting_id = m.id AND a.status IN ('present', 'late')
                       JOIN enrolment_enrolments e ON e.id = a.enrolment_id AND e.session_id = m.session_id
                      WHERE m.starts_at >= ${from} AND m.starts_at < ${until}) x
              GROUP BY v, i) y
      GROUP BY v`,
  );
  const map = new Map();
  for (const row of rows) {
    const n = Number(row.n);
    if (!n) continue;
    const total = Number(row.total);
    // Levels on exact sums (quarter hours), never on a rounded mean.
    const level = total >= 16 * n || Number(row.mx) >= 24 ? 'red' : total >= 8 * n ? 'amber' : 'green';
    map.set(row.v, { value: total / n, level });
  }
  return map;
}

/**
 * The enrolment service's V8 heap limit as deployed: `--max-old-space-size=N` in the NODE_OPTIONS of the
 * Dockerfile's app-enrolment stage, so the bench measures what production runs without a copy of the figure.
 */
function deployedHeapMb() {
  const dockerfile = readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8');
  const stage = dockerfile.split(/^FROM /m).find((part) => /^\S+ AS app-enrolment\b/.test(part));
  const match = stage?.match(/NODE_OPTIONS="?[^\n"]*--max-old-space-size=(\d+)/);
  if (!match)
    throw new BenchError(
      'no NODE_OPTIONS=--max-old-space-size=N in the app-enrolment stage of docker/Dockerfile',
    );
  return Number(match[1]);
}

async function runChild(databaseUrl, now) {
  const args = [
    ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
    fileURLToPath(import.meta.url),
    '--child',
    databaseUrl,
    '--now',
    now.toISOString(),
    '--dist',
    values.dist,
  ];
  if (values['batch-size']) args.push('--batch-size', values['batch-size']);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (process.env.BENCH_PROFILE)
    console.error(
      out
        .split('\n')
        .filter((l) => !l.startsWith('RESULT '))
        .join('\n'),
    );
  if (code !== 0 || !line)
    throw new BenchError(`the recompute child exited with ${code}:\n${out.slice(-2000)}`);
  return JSON.parse(line.slice('RESULT '.length));
}

/** Reads the stored assessments page by page (never all at once) and compares VOL-1 with the reference. */
async function compare(db, reference, volunteers) {
  let after = '';
  let compared = 0;
  let mismatches = 0;
  const examples = [];
  for (;;) {
    const [rows] = await db.query(
      'SELECT volunteer_id, results FROM wellbeing_assessments WHERE volunteer_id > ? ORDER BY volunteer_id LIMIT 5000',
      [after],
    );
    if (!rows.length) break;
    for (const row of rows) {
      const vol1 = JSON.parse(row.results).find((r) => r.code === 'VOL-1');
      const expected = reference.get(row.volunteer_id);
      const same = expected
        ? vol1?.level === expected.level &&
          Math.abs(vol1.value - Math.round(expected.value * 100) / 100) < 0.006
        : vol1?.level === 'insufficient_data';
      compared++;
      if (!same) {
        mismatches++;
        if (examples.length < 5) examples.push({ volunteer: row.volunteer_id, stored: vol1, expected });
      }
    }
    after = rows[rows.length - 1].volunteer_id;
  }
  if (examples.length) console.log('   first differences:', JSON.stringify(examples, null, 1));
  return { compared, mismatches, missing: volunteers - compared };
}

// Last, so every constant and helper above is initialised before the top-level await runs.
if (values.child) {
  await recomputeChild(values.child, new Date(values.now), Number(values['batch-size']) || undefined);
} else {
  await main().catch((error) => {
    if (error instanceof BenchError) {
      console.error(`✖ ${error.message}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  });
}
