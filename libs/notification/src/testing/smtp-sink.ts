import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server for tests: keeps what it accepts, and can turn the first messages away. */
export interface SmtpSink {
  url: string;
  received: ParsedMail[];
  /** Attempts turned away so far. */
  rejected: number;
  /** Turn away the next `count` messages with this answer (451: try again later). */
  reject(count: number, code?: number, message?: string): void;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  let rejectLeft = 0;
  let rejectCode = 451;
  let rejectMessage = 'Mailbox busy, try again later';
  const sink: SmtpSink = {
    url: '',
    received: [],
    rejected: 0,
    reject(count, code = 451, message = 'Mailbox busy, try again later') {
      rejectLeft = count;
      rejectCode = code;
      rejectMessage = message;
    },
    async waitFor(count, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (sink.received.length < count) {
        if (Date.now() > until)
          throw new Error(`the SMTP sink got ${sink.received.length} of ${count} messages`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return sink.received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (rejectLeft > 0) {
          rejectLeft--;
          sink.rejected++;
          callback(Object.assign(new Error(rejectMessage), { responseCode: rejectCode }));
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            sink.received.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}
