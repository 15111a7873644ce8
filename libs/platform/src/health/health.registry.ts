import { Injectable } from '@nestjs/common';

/** A dependency whose state decides readiness: a context's database, Redis, a queue worker. */
export interface ReadinessCheck {
  name: string;
  /** Resolves when healthy; rejects (or returns details with ok=false) otherwise. */
  check(): Promise<Record<string, unknown> | void>;
}

/** Modules register what the app depends on; /health/ready asks all of them. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(check: ReadinessCheck): void {
    this.checks.set(check.name, check);
  }

  all(): ReadinessCheck[] {
    return [...this.checks.values()];
  }
}
