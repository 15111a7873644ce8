// What every bench needs around the measuring: ports, child processes, readiness, and figures for people.
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

const require = createRequire(import.meta.url);

export const HOST = '127.0.0.1';

/** A failure the bench explains in one line (exit 2), as opposed to a bug (exit 1 with a stack). */
export class BenchError extends Error {}

export async function waitForReady(baseUrl, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new BenchError(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new BenchError(`${baseUrl}/health/ready did not answer 200 within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL after 5 s: a bench never leaves a server behind. */
export function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function fmt(value) {
  return value >= 100 ? Math.round(value).toLocaleString('en-GB') : value.toFixed(1);
}

export function log(message) {
  console.log(message);
}

/**
 * Removes the academy's keys (BullMQ's queues under `academy:`, the throttles' windows under `…:throttle:`)
 * from the Redis database of `url`: each bench runs its services on a logical database of its own, so a later
 * run or another service never takes a job this one left behind.
 */
export async function removeRedisKeys(url) {
  const Redis = require('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    for (const pattern of ['academy:*', '*:throttle:*']) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
