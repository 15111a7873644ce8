import * as vm from 'node:vm';

/**
 * Node's own `require`, outside Jest's module registry. @fastify/cookie loads its ESM dependency with
 * `import()`, which Jest refuses without --experimental-vm-modules; loaded by Node itself it works.
 * Use it from `jest.mock('@fastify/cookie', …)` in every spec that boots the app.
 */
export function nativeRequire(id: string): unknown {
  const outer = vm.runInThisContext('process') as { mainModule?: NodeJS.Module };
  if (!outer.mainModule) throw new Error('No main module to borrow Node’s require from.');
  const { createRequire } = outer.mainModule.require('node:module') as typeof import('node:module');
  return createRequire(__filename)(id);
}
