import { randomBytes } from 'node:crypto';
import { describeDistributed, TEST_REDIS_URL } from '@academy/platform/testing/test-databases';
import { Worker } from 'bullmq';
import IORedis from 'ioredis';
import { stopWorker } from './stop-worker';

describeDistributed('stopWorker', () => {
  it('stops workers right after they were started without an unhandled error', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    const prefix = `stop-test-${randomBytes(4).toString('hex')}`;
    const connection = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    try {
      for (let i = 0; i < 10; i++) {
        // Its blocking connection (a duplicate of `connection`) is still connecting when it is stopped: BullMQ's
        // close() would cut it and then emit the failure on an emitter without listeners.
        const worker = new Worker(`queue-${i}`, async () => undefined, { connection, prefix });
        worker.on('error', () => undefined);
        await stopWorker(worker);
        expect(worker.closing).toBeDefined();
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      process.off('unhandledRejection', record);
      connection.disconnect();
    }
    expect(unhandled).toEqual([]);
  });
});
