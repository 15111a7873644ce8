import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AcademyModule } from '../../../apps/academy/src/academy.module';
import { createApplication, loadConfig } from '@academy/platform';

/** The first admin of every browser run; the password is long enough for the policy and easy to read in a log. */
export const BROWSER_ADMIN = {
  email: 'beheer@academie.test',
  password: 'koffie in it doarpshûs om tsien oere',
  displayName: 'Beheer',
} as const;

export interface AcademyServer {
  app: NestFastifyApplication;
  /** `http://127.0.0.1:<port>`, where a browser reaches the pages. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The all-in-one, in process, listening on a free port of the loopback address, with its own empty data
 * directory. `DEMO_DATA: 'on'` fills it with the demo academy; extra variables override the defaults.
 */
export async function startAcademyServer(env: Record<string, string> = {}): Promise<AcademyServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'academy-browser-'));
  // PORT stays unset: the config accepts 1–65535 only; the free port is chosen by listen() below.
  const config = loadConfig('academy', {
    DATA_DIR: dataDir,
    DEMO_DATA: 'off',
    ACADEMY_ADMIN_EMAIL: BROWSER_ADMIN.email,
    ACADEMY_ADMIN_PASSWORD: BROWSER_ADMIN.password,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createApplication(AcademyModule.forConfig(config), config, {
    title: 'Vrijwilligersacademie',
    description: 'browser tests',
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error: unknown) {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const address = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
