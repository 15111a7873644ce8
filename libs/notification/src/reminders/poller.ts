import type { Logger } from '@nestjs/common';

/**
 * Runs `work` every `intervalMs` (never two rounds at once), and waits for the round in progress on stop. The
 * schedulers of reminders, rosters and digests keep their state in the database, so a round that fails or a
 * process that stops loses nothing: the next round (here or in another replica) picks the rows up.
 */
export class Poller {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private failures = 0;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
    private readonly work: (now: Date) => Promise<unknown>,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
    this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.work(new Date())
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.failures++;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn(`${this.name} failed, trying again next round: ${(error as Error).message}`);
        }
      })
      .finally(() => (this.running = undefined));
  }
}
