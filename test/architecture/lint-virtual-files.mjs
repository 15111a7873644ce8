#!/usr/bin/env node
// Lints files that exist only in memory with the repository's own ESLint config, and prints the messages as
// JSON. import-boundaries.spec.ts runs it in a child process: ESLint loads eslint.config.mjs with a dynamic
// import(), which Jest's module sandbox refuses without --experimental-vm-modules.
//
// stdin:  [{ "file": "libs/identity/src/x/__boundary_probe__.ts", "code": "import '@academy/catalogue';\n" }]
// stdout: [{ "file": "…", "messages": [{ "ruleId": "no-restricted-imports", "line": 1, "message": "…" }] }]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const files = JSON.parse(readFileSync(0, 'utf8'));

// The config is type-aware (projectService), and a file that is not on disk belongs to no tsconfig. The
// import boundaries are purely syntactic (no-restricted-imports), so the probes are linted with type
// information switched off: every other rule and every `files` glob stays as configured, and one run takes
// seconds instead of the half minute the project service needs to admit each in-memory file.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

const results = [];
for (const { file, code } of files) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  results.push({
    file,
    messages: (result?.messages ?? []).map(({ ruleId, line, message }) => ({ ruleId, line, message })),
  });
}
process.stdout.write(JSON.stringify(results));
