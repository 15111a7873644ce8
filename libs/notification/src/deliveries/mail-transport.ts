import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/platform';
import { DELIVERY_OPTIONS, type DeliveryOptions } from './delivery.options';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';

export interface SentMail {
  messageId: string;
}

/**
 * Where mail goes: `SMTP_URL` → that SMTP server (nodemailer); without it (the all-in-one) each message is
 * written as `<delivery id>.eml` under `DATA_DIR/mail/` — the raw message nodemailer would have sent.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  readonly mailDir?: string;

  constructor(
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'smtpUrl' | 'dataDir'>,
    @Inject(DELIVERY_OPTIONS) options: Pick<DeliveryOptions, 'concurrency'>,
  ) {
    if (config.smtpUrl) {
      this.transporter = nodemailer.createTransport(smtpOptionsUrl(config.smtpUrl, options.concurrency));
    } else {
      this.mailDir = join(config.dataDir, 'mail');
      mkdirSync(this.mailDir, { recursive: true });
      this.transporter = nodemailer.createTransport({
        streamTransport: true,
        buffer: true,
        newline: 'windows',
      });
    }
  }

  async send(message: Mail.Options, fileName: string): Promise<SentMail> {
    const info = (await this.transporter.sendMail(message)) as { messageId: string; message?: Buffer };
    if (this.mailDir && info.message) {
      // Written under a temporary name and renamed, so a reader never sees half a message.
      const target = join(this.mailDir, `${fileName}.eml`);
      writeFileSync(`${target}.tmp`, info.message);
      renameSync(`${target}.tmp`, target);
    }
    return { messageId: info.messageId };
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

/**
 * nodemailer reads a URL's options from its query string (an object with `url` ignores its other keys), so the
 * pool and timeouts go there — unless SMTP_URL already sets them.
 */
export function smtpOptionsUrl(smtpUrl: string, concurrency: number): string {
  const url = new URL(smtpUrl);
  const defaults: Record<string, string> = {
    // One connection per concurrent send, reused: a new SMTP handshake per message is most of its cost.
    pool: 'true',
    maxConnections: String(concurrency),
    maxMessages: '1000',
    // Together under the sending lease (DeliveryOptions.sendingLeaseMs): a hung server fails the attempt
    // before the row could be taken over by another worker.
    connectionTimeout: '10000',
    greetingTimeout: '10000',
    socketTimeout: '20000',
  };
  for (const [key, value] of Object.entries(defaults)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  return url.toString();
}
