import type { Worker } from 'bullmq';

/** How long a worker's jobs in hand may take to finish at shutdown; after that they are left as stalled. */
export const SHUTDOWN_BOUND_MS = 10_000;
/** How long to let a worker's connections finish getting ready before closing it anyway (Redis may be down). */
const READY_BOUND_MS = 2_000;

const after = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Stops a BullMQ worker: lets its connections finish getting ready, lets the jobs in hand finish within the
 * bound, then closes it for good. Closing a worker whose blocking connection is still connecting makes BullMQ
 * emit that connection's failure on an emitter it has already stripped of listeners: an unhandled error, as
 * when a service stops right after starting.
 */
export async function stopWorker(worker: Worker): Promise<void> {
  await Promise.race([worker.waitUntilReady().catch(() => undefined), after(READY_BOUND_MS)]);
  await Promise.race([worker.close(), after(SHUTDOWN_BOUND_MS)]);
  // Past the bound, jobs in hand are abandoned; BullMQ gives them to another worker as stalled.
  await worker.close(true).catch(() => undefined);
}
