import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@academy/platform';
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

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'smtpUrl' | 'dataDir'>) {
    if (config.smtpUrl) {
      this.transporter = nodemailer.createTransport(config.smtpUrl, {
        // Together under the sending lease (DeliveryOptions.sendingLeaseMs): a hung server fails the attempt
        // before the row could be taken over by another worker.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      });
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
