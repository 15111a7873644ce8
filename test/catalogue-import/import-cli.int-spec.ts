import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoursesService } from '@academy/catalogue';
import { type CliIo, runImportCli } from '@academy/catalogue/import/import-cli';
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from '@academy/platform/testing/test-databases';
import { exampleCsv, openImportKit } from './import-test-kit';

function io(database: TestDatabase): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    env: {
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'silent',
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    },
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    tty: false,
    stdout,
    stderr,
  };
}

describeEachDatabase('npm run catalogue:import', (kind) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    // The providers the example names, as an administrator would have added them.
    await (await openImportKit(database)).close();
  });

  afterEach(async () => database.drop());

  async function courses(): Promise<number> {
    const kit = await openImportKit(database);
    try {
      const admin = {
        userId: 'x',
        displayName: 'x',
        locale: 'nl',
        admin: true,
        memberships: [],
        sessionId: 'x',
      };
      return (await kit.get(CoursesService).listManageable(admin, { page: 1, pageSize: 1 })).total;
    } finally {
      await kit.close();
    }
  }

  it('checks a good file with --dry-run, writes an empty report and nothing else; then imports it', async () => {
    const file = join(database.dataDir, 'aanbod.csv');
    const report = join(database.dataDir, 'report.csv');
    writeFileSync(file, exampleCsv());
    const cli = io(database);

    expect(await runImportCli([file, '--dry-run', '--report', report], cli)).toBe(0);
    expect(cli.stdout.join('\n')).toContain(
      'The file is good: it would import 5 courses (5 published), 9 sessions and 15 meetings. Nothing was written',
    );
    expect(readFileSync(report, 'utf8')).toBe('\uFEFF"row";"column";"message"\r\n');
    expect(await courses()).toBe(0);

    expect(await runImportCli([file], cli)).toBe(0);
    expect(cli.stdout.join('\n')).toContain('Imported 5 courses (5 published), 9 sessions and 15 meetings');
    expect(await courses()).toBe(5);
  });

  it('prints and reports every rejected row, exits 1 and imports nothing', async () => {
    const file = join(database.dataDir, 'aanbod.csv');
    const report = join(database.dataDir, 'report.csv');
    writeFileSync(file, exampleCsv().replace(';Drachten;', ';;'));
    const cli = io(database);

    expect(await runImportCli([file, '--report', report], cli)).toBe(1);
    const printed = cli.stderr.join('\n');
    expect(printed).toContain('1 problem in 1 row of 15; nothing was imported.');
    expect(printed).toMatch(/^\s+10\s+place\s+Fill in the village or town of the venue\.$/m);
    expect(readFileSync(report, 'utf8')).toBe(
      '\uFEFF"row";"column";"message"\r\n"10";"place";"Fill in the village or town of the venue."\r\n',
    );
    expect(await courses()).toBe(0);
  });

  it('explains how to use it when the file is missing', async () => {
    const cli = io(database);
    expect(await runImportCli([], cli)).toBe(2);
    expect(cli.stderr.join('\n')).toContain('Usage: npm run catalogue:import');
    expect(await runImportCli([join(database.dataDir, 'nergens.csv')], cli)).toBe(2);
    expect(cli.stderr.join('\n')).toContain('nergens.csv: no such file.');
    expect(await runImportCli(['a.csv', '--drie-run'], cli)).toBe(2);
  });
});
