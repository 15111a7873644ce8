#!/usr/bin/env node
// Compiles apps and libs into dist/ (tsc), rewrites the @academy/* paths (tsc-alias) and copies the
// non-code assets (templates, message files, styles) beside the compiled code.
// `--if-needed` skips the build when dist/ is newer than every source file (npm start on an unchanged tree).
// `--out <dir>` builds into another directory (a private build for a benchmark while others rebuild dist/).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outAt = process.argv.indexOf('--out');
const dist = outAt > 0 && process.argv[outAt + 1] ? resolve(process.argv[outAt + 1]) : join(root, 'dist');
const outDir = ['--outDir', dist];
const ASSET = /\.(hbs|json|css|txt|svg|png|ico|woff2)$/;
const marker = join(dist, 'apps', 'academy', 'src', 'main.js');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

function newestSource() {
  let newest = 0;
  for (const top of ['apps', 'libs']) {
    for (const file of files(join(root, top))) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
    if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  }
  return newest;
}

if (
  process.argv.includes('--if-needed') &&
  existsSync(marker) &&
  statSync(marker).mtimeMs >= newestSource()
) {
  process.exit(0);
}

const bin = (name) => join(root, 'node_modules', '.bin', name);
console.log('Building the academy (first start or changed sources)…');
execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json', ...outDir], { cwd: root, stdio: 'inherit' });
execFileSync(bin('tsc-alias'), ['-p', 'tsconfig.build.json', ...outDir], { cwd: root, stdio: 'inherit' });
for (const top of ['apps', 'libs']) {
  for (const file of files(join(root, top))) {
    if (ASSET.test(file)) cpSync(file, join(dist, relative(root, file)), { recursive: false });
  }
}
console.log(`Built into ${relative(root, dist) || '.'}/.`);
