import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The house rules (DESIGN.md, STYLE.md) are enforced by `no-restricted-imports` in eslint.config.mjs. This
 * suite proves that the lint really refuses what the rules forbid and lets through what they allow, by linting
 * probe files with the repository's own config. The probes live only in memory (nothing is written into
 * libs/ or apps/, where other work is going on), and all of them are linted by one ESLint run.
 */

const root = join(__dirname, '..', '..');
const CONTEXTS = ['identity', 'catalogue', 'enrolment', 'notification'];
const SHARED = ['platform', 'contracts', 'messaging', 'web'];
const APPS = ['academy', 'course-catalogue', 'enrolment', 'notification'];
const PROBE = '__boundary_probe__.ts';

type Verdict = 'allowed' | 'forbidden';
interface Case {
  /** A file path relative to the repository root; it never exists on disk. */
  file: string;
  specifier: string;
  verdict: Verdict;
}
interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

const cases: Case[] = [];
const add = (file: string, specifier: string, verdict: Verdict) => cases.push({ file, specifier, verdict });
const others = (list: string[], self: string) => list.filter((name) => name !== self);

// The four cases named when the boundaries were agreed, spelled out.
add(`libs/identity/src/users/${PROBE}`, '@academy/catalogue', 'forbidden');
add(`apps/enrolment/src/${PROBE}`, '../../academy/src/academy.module', 'forbidden');
add(`libs/platform/src/${PROBE}`, '@academy/identity', 'forbidden');
add(`libs/identity/src/${PROBE}`, '@academy/contracts', 'allowed');
add(`libs/identity/src/${PROBE}`, '@academy/platform', 'allowed');

// A context imports contracts, messaging, platform and web — never another context, by alias or by path.
for (const context of CONTEXTS) {
  const file = `libs/${context}/src/probe-feature/${PROBE}`;
  for (const shared of SHARED) add(file, `@academy/${shared}`, 'allowed');
  for (const other of others(CONTEXTS, context)) {
    add(file, `@academy/${other}`, 'forbidden');
    add(file, `@academy/${other}/internal/thing`, 'forbidden');
    add(file, `../../../${other}/src`, 'forbidden');
    add(file, `../../../../libs/${other}/src/index`, 'forbidden');
  }
  add(file, '../other-feature/other.service', 'allowed');
  add(file, './probe.entity', 'allowed');
}

// Shared libraries never import a context; contracts imports no other library at all.
for (const shared of SHARED) {
  const file = `libs/${shared}/src/probe-feature/${PROBE}`;
  for (const context of CONTEXTS) {
    add(file, `@academy/${context}`, 'forbidden');
    add(file, `../../../${context}/src`, 'forbidden');
  }
  if (shared === 'contracts') {
    for (const other of others(SHARED, 'contracts')) add(file, `@academy/${other}`, 'forbidden');
  } else {
    add(file, '@academy/contracts', 'allowed');
  }
  add(file, '../other-feature/helper', 'allowed');
}

// Apps compose libraries through their entry points and never import another app.
for (const app of APPS) {
  const file = `apps/${app}/src/${PROBE}`;
  for (const lib of [...CONTEXTS, ...SHARED]) add(file, `@academy/${lib}`, 'allowed');
  for (const other of others(APPS, app)) {
    add(file, `../../${other}/src/main`, 'forbidden');
    add(`apps/${app}/src/wiring/${PROBE}`, `../../../${other}/src/main`, 'forbidden');
  }
  add(file, '../../../libs/identity/src', 'forbidden');
  add(file, `./${app}-app.module`, 'allowed');
}

const fromSrcRoot: Case[] = [...CONTEXTS, ...SHARED].map((lib) => ({
  file: `libs/${lib}/src/${PROBE}`,
  specifier: `../../${others(CONTEXTS, lib)[0]}/src`,
  verdict: 'forbidden',
}));

/** One probe file per path, one side-effect import per line (no bindings, so no type-aware noise). */
function probeFiles(): { file: string; code: string; lines: Map<string, number> }[] {
  const byFile = new Map<string, string[]>();
  for (const { file, specifier } of [...cases, ...fromSrcRoot]) {
    const specifiers = byFile.get(file) ?? [];
    if (!specifiers.includes(specifier)) specifiers.push(specifier);
    byFile.set(file, specifiers);
  }
  return [...byFile].map(([file, specifiers]) => ({
    file,
    code: specifiers.map((s) => `import '${s}';\n`).join(''),
    lines: new Map(specifiers.map((s, index) => [s, index + 1])),
  }));
}

describe('import boundaries (eslint.config.mjs)', () => {
  const files = probeFiles();
  const messages = new Map<string, LintMessage[]>();

  beforeAll(() => {
    const run = spawnSync(process.execPath, [join(__dirname, 'lint-virtual-files.mjs')], {
      cwd: root,
      input: JSON.stringify(files.map(({ file, code }) => ({ file, code }))),
      encoding: 'utf8',
      timeout: 90_000,
    });
    if (run.status !== 0) throw new Error(`ESLint could not lint the probe files:\n${run.stderr}`);
    const results = JSON.parse(run.stdout) as { file: string; messages: LintMessage[] }[];
    for (const result of results) messages.set(result.file, result.messages);
  }, 120_000);

  const boundaryMessage = (file: string, specifier: string): LintMessage | undefined => {
    const line = files.find((probe) => probe.file === file)?.lines.get(specifier);
    return messages.get(file)?.find((m) => m.ruleId === 'no-restricted-imports' && m.line === line);
  };

  it('parses every probe file (a parse error would hide every rule)', () => {
    const failures = [...messages].flatMap(([file, list]) =>
      list.filter((m) => m.ruleId === null).map((m) => `${file}: ${m.message}`),
    );
    expect(failures).toEqual([]);
    expect(messages.size).toBe(files.length);
  });

  it.each(cases.filter((c) => c.verdict === 'forbidden').map((c) => [c.file, c.specifier]))(
    '%s may not import %s',
    (file, specifier) => {
      expect(boundaryMessage(file, specifier)).toMatchObject({
        message: expect.stringContaining(`'${specifier}' import is restricted`),
      });
    },
  );

  it.each(cases.filter((c) => c.verdict === 'allowed').map((c) => [c.file, c.specifier]))(
    '%s may import %s',
    (file, specifier) => {
      expect(boundaryMessage(file, specifier)).toBeUndefined();
    },
  );

  // A file directly in src/ (such as the context's own module) leaves its library with only `../../`.
  it.each(fromSrcRoot.map((c) => [c.file, c.specifier]))(
    '%s may not import %s by relative path',
    (file, specifier) => {
      expect(boundaryMessage(file, specifier)).toBeDefined();
    },
  );

  it('knows every library and app in the repository (a new one needs its boundary rule)', () => {
    const dirs = (top: string) =>
      readdirSync(join(root, top), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    expect(dirs('libs').filter((lib) => ![...CONTEXTS, ...SHARED].includes(lib))).toEqual([]);
    expect(dirs('apps').filter((app) => !APPS.includes(app))).toEqual([]);
  });
});
