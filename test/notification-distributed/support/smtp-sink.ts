import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A message the sink took responsibility for: its 250 reply went out on a connection that was still open. */
export interface AcceptedMail {
  /** Message-ID without the angle brackets (the notification service derives it from the delivery id). */
  messageId: string;
  to: string;
  subject: string;
  parsed: ParsedMail;
  acceptedAt: number;
}

/** What the sink answers a finished DATA with: accept, or turn it away (4xx: try again later). */
export type SinkAnswer = { accept: true } | { accept: false; code: number; message: string };

/** Decides per message; `attempt` counts the times this Message-ID reached the end of DATA, from 1. */
export type SinkPolicy = (mail: ParsedMail, attempt: number) => SinkAnswer;

const ACCEPT: SinkPolicy = () => ({ accept: true });

/**
 * A real SMTP server in the test process (smtp-server + mailparser). It counts a message as delivered only
 * when it answered 250 on a connection still open — the moment SMTP hands over responsibility (RFC 5321
 * §6.1) — so a message whose sender died before hearing the 250 is not counted, as a real server would not.
 * It can hold its answers (the senders wait mid-transaction) and turn attempts away by policy.
 */
export class SmtpSink {
  readonly accepted: AcceptedMail[] = [];
  /** Times each Message-ID reached the end of DATA (accepted, refused or dropped). */
  readonly attempts = new Map<string, number>();
  /** Messages whose answer never reached their sender (the connection was gone when it was released). */
  readonly dropped: string[] = [];
  /** Refusals: Message-ID and the answer given. */
  readonly refused: Array<{ messageId: string; code: number }> = [];
  private policy: SinkPolicy = ACCEPT;
  private holding = false;
  private readonly held: Array<() => void> = [];
  private readonly closedSessions = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private server?: SMTPServer;
  url = '';

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.listen();
    return sink;
  }

  private async listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Many messages per connection from a pooled sender, and a few parallel ones.
      maxClients: 200,
      onClose: (session: SMTPServerSession) => {
        this.closedSessions.add(session.id);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          void this.finish(Buffer.concat(chunks), session, callback);
        });
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  private async finish(
    raw: Buffer,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ): Promise<void> {
    const parsed = await simpleParser(raw);
    const messageId = (parsed.messageId ?? '').replace(/^<|>$/g, '');
    const attempt = (this.attempts.get(messageId) ?? 0) + 1;
    this.attempts.set(messageId, attempt);
    if (this.holding) {
      const released = new Promise<void>((resolve) => this.held.push(resolve));
      this.changed();
      await released;
    }
    if (this.closedSessions.has(session.id)) {
      this.dropped.push(messageId);
      this.changed();
      return;
    }
    const answer = this.policy(parsed, attempt);
    if (!answer.accept) {
      this.refused.push({ messageId, code: answer.code });
      callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
      this.changed();
      return;
    }
    callback();
    this.accepted.push({
      messageId,
      to: parsed.to && !Array.isArray(parsed.to) ? (parsed.to.value[0]?.address ?? '') : '',
      subject: parsed.subject ?? '',
      parsed,
      acceptedAt: Date.now(),
    });
    this.changed();
  }

  setPolicy(policy: SinkPolicy = ACCEPT): void {
    this.policy = policy;
  }

  /** From now on, every finished DATA waits for `release()` before it is answered. */
  hold(): void {
    this.holding = true;
  }

  /** Messages waiting for their answer. */
  get heldCount(): number {
    return this.held.length;
  }

  release(): void {
    this.holding = false;
    for (const resolve of this.held.splice(0)) resolve();
  }

  /** Accepted messages addressed to `email`. */
  to(email: string): AcceptedMail[] {
    return this.accepted.filter((mail) => mail.to === email.toLowerCase() || mail.to === email);
  }

  /** Message-IDs accepted more than once. */
  duplicates(): string[] {
    const seen = new Map<string, number>();
    for (const mail of this.accepted) seen.set(mail.messageId, (seen.get(mail.messageId) ?? 0) + 1);
    return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
  }

  /** Resolves once `probe()` holds, checked after every change at the sink; fails after `timeoutMs`. */
  until(probe: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    if (probe()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!probe()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  async close(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
