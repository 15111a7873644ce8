#!/usr/bin/env node
// `npm run catalogue:import -- file.csv [--dry-run] [--report report.csv]`: loads courses and sessions from a
// spreadsheet export into the catalogue. Builds dist/ first when it is missing or stale (as `npm start` does),
// then runs the import (libs/catalogue/src/import/import-cli.ts) against DATABASE_URL, or the all-in-one's
// SQLite file in DATA_DIR. Columns: docs/catalogue-import.md.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-needed'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
} catch {
  console.error('✖ The build failed (see above); nothing was imported.');
  process.exit(2);
}
const require = createRequire(import.meta.url);
require('reflect-metadata');
const { runImportCli } = require(join(root, 'dist/libs/catalogue/src/import/import-cli.js'));
runImportCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`✖ ${error?.stack ?? error}`);
    process.exit(2);
  },
);
