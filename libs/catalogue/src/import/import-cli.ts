import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@academy/platform';
import { Presets, SingleBar } from 'cli-progress';
import { CATALOGUE } from '../catalogue.constants';
import type { ImportProblem } from './import-plan';
import type { ImportResult } from './catalogue-importer';
import { openCatalogueImport } from './import-context';

export const USAGE = `Usage: npm run catalogue:import -- <file.csv> [--dry-run] [--report <report.csv>]

Loads courses, sessions and meetings from a spreadsheet export (UTF-8, ";" or "," separated; one row per
meeting) into the catalogue of DATABASE_URL, or of the all-in-one's SQLite file in DATA_DIR (default ./data).
Every row is checked with the catalogue API's own rules; if any row is rejected, nothing is imported.

  --dry-run        check everything, write nothing
  --report <file>  also write the rejected rows to a CSV file (row;column;message) for Excel
  --help           this text

The columns are described in docs/catalogue-import.md; an example is libs/catalogue/src/import/example.csv.`;

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Show a progress bar (a terminal); otherwise print nothing while working. */
  tty: boolean;
}

const defaultIo = (): CliIo => ({
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  tty: Boolean(process.stderr.isTTY),
});

/** Where the import writes, said without the password. */
function target(databaseUrl: string | undefined, dataDir: string): string {
  if (!databaseUrl) return `the all-in-one's SQLite database in ${join(dataDir, `${CATALOGUE}.sqlite`)}`;
  const url = new URL(databaseUrl);
  return `MariaDB/MySQL database ${url.pathname.replace(/^\//, '')} on ${url.hostname}:${url.port || 3306}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function summary(result: ImportResult): string {
  return (
    `${plural(result.courses, 'course', 'courses')} (${result.published} published), ` +
    `${plural(result.sessions, 'session', 'sessions')} and ${plural(result.meetings, 'meeting', 'meetings')}`
  );
}

function problemTable(problems: ImportProblem[]): string[] {
  const columnWidth = Math.max(6, ...problems.map((p) => p.column.length));
  return [
    `  ${'row'.padStart(5)}  ${'column'.padEnd(columnWidth)}  problem`,
    ...problems.map((p) => `  ${String(p.row).padStart(5)}  ${p.column.padEnd(columnWidth)}  ${p.message}`),
  ];
}

/** The report for Excel: UTF-8 with a byte-order mark, `;` separated, every cell quoted. */
export function reportCsv(problems: ImportProblem[]): string {
  const cell = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;
  const lines = [['row', 'column', 'message'], ...problems.map((p) => [p.row, p.column, p.message])].map(
    (cells) => cells.map(cell).join(';'),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * `npm run catalogue:import`: reads the arguments and the environment, runs the import and prints the
 * outcome. Exit codes: 0 imported (or a good dry run), 1 rows rejected (nothing imported), 2 the command
 * could not run (usage, configuration, file).
 */
export async function runImportCli(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`✖ ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.out(USAGE);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) {
    io.err(`✖ Give exactly one CSV file.\n\n${USAGE}`);
    return 2;
  }
  if (!existsSync(file)) {
    io.err(`✖ ${file}: no such file.`);
    return 2;
  }
  let config;
  try {
    config = loadConfig('academy', {
      ...io.env,
      DEMO_DATA: 'off',
      LOG_LEVEL: io.env.LOG_LEVEL ?? 'warn',
      // The import signs no tokens; it should not write the all-in-one's key file either.
      JWT_SECRET: io.env.JWT_SECRET ?? randomBytes(48).toString('base64url'),
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`✖ ${error.message}`);
    return 2;
  }
  const dryRun = args.values['dry-run'] ?? false;
  io.out(`${dryRun ? 'Checking' : 'Importing'} ${file} into ${target(config.databaseUrl, config.dataDir)}…`);

  const context = await openCatalogueImport(config);
  const bar = io.tty
    ? new SingleBar(
        {
          format: ' {bar} {value}/{total} rows',
          stream: process.stderr,
          clearOnComplete: true,
          hideCursor: true,
        },
        Presets.shades_classic,
      )
    : undefined;
  let result: ImportResult;
  try {
    result = await context.importer.import(readFileSync(file), {
      dryRun,
      onProgress: (done, total) => {
        if (!bar) return;
        if (!bar.getTotal()) bar.start(total, 0);
        bar.update(done);
      },
    });
  } finally {
    bar?.stop();
    await context.close();
  }

  const report = args.values.report;
  if (report) writeFileSync(report, reportCsv(result.problems));
  if (result.problems.length) {
    const rows = new Set(result.problems.map((p) => p.row)).size;
    io.err(
      `✖ ${plural(result.problems.length, 'problem', 'problems')} in ${plural(rows, 'row', 'rows')} ` +
        `of ${result.rows}; nothing was imported.\n`,
    );
    for (const line of problemTable(result.problems)) io.err(line);
    if (report) io.err(`\nThe same list is in ${report}.`);
    return 1;
  }
  if (dryRun) {
    io.out(`✔ The file is good: it would import ${summary(result)}. Nothing was written (dry run).`);
  } else {
    io.out(
      `✔ Imported ${summary(result)} from ${plural(result.rows, 'row', 'rows')}. ` +
        'Their announcements wait in the outbox for the running catalogue to deliver.',
    );
  }
  if (report) io.out(`No problems to report; ${report} has the header only.`);
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
