import { describeDistributed } from '@academy/platform/testing/test-databases';
import { type BootedApp, bootApp } from '../support/apps';

describe('the all-in-one hosts the notification context', () => {
  let academy: BootedApp;
  beforeAll(async () => {
    academy = await bootApp('academy');
  });
  afterAll(() => academy?.close());

  it('reports the notification database ready', async () => {
    const response = await academy.call({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('database:notification');
  });
});

describeDistributed('the notification service', () => {
  let service: BootedApp;
  beforeAll(async () => {
    service = await bootApp('notification', { MAIL_CONCURRENCY: '2' });
  });
  afterAll(() => service?.close());

  it('starts on MariaDB and Redis and reports its database, Redis and workers ready', async () => {
    const response = await service.call({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('database:notification');
    expect(response.body).toContain('redis');
  });
});
