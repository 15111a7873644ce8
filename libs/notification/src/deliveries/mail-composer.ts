import { Inject, Injectable, Optional } from '@nestjs/common';
import type { MeetingSnapshot } from '@academy/contracts';
import type Mail from 'nodemailer/lib/mailer';
import { sessionCalendar, UID_DOMAIN } from '../icalendar/session-calendar';
import type { OptionalKind } from '../notification.constants';
import type { Recipient } from '../recipients/recipient.entity';
import { isMessageLocale, MessageRenderer } from '../templates/message-renderer';
import type { Delivery } from './delivery.entity';
import { DELIVERY_OPTIONS, type DeliveryOptions } from './delivery.options';

/** Signed unsubscribe links for optional messages (the preferences feature provides them). */
export interface UnsubscribeLinks {
  urlFor(recipientId: string, optional: OptionalKind): string;
}
export const UNSUBSCRIBE_LINKS = Symbol('UNSUBSCRIBE_LINKS');

/** The parameters an attachment is built from (written by the consumers that ask for one). */
interface CalendarParams {
  courseTitle?: unknown;
  meetings?: unknown;
  sequence?: unknown;
}

/**
 * Turns a delivery row and its recipient into the email: subject, HTML and plain text in the recipient's
 * language (read now, not when the row was written), the calendar attachment, and a Message-ID derived from
 * the delivery id, so a resent message is recognisable as the same one.
 */
@Injectable()
export class MailComposer {
  constructor(
    private readonly renderer: MessageRenderer,
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
    @Optional() @Inject(UNSUBSCRIBE_LINKS) private readonly unsubscribe?: UnsubscribeLinks,
  ) {}

  localeOf(recipient: Pick<Recipient, 'locale'>): 'nl' | 'fy' | 'en' {
    return isMessageLocale(recipient.locale) ? recipient.locale : 'nl';
  }

  compose(delivery: Delivery, recipient: Recipient & { email: string }): Mail.Options {
    const locale = this.localeOf(recipient);
    const params = delivery.params ?? {};
    const unsubscribeUrl =
      delivery.optional && this.unsubscribe ? this.unsubscribe.urlFor(recipient.id, delivery.optional) : null;
    const message = this.renderer.render(delivery.kind, locale, params, {
      name: recipient.displayName,
      unsubscribeUrl,
    });
    const mail: Mail.Options = {
      from: this.options.from,
      to: { name: recipient.displayName ?? '', address: recipient.email },
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<${delivery.id}@${UID_DOMAIN}>`,
      // Our texts are Latin script (nl, fy, en): quoted-printable, without nodemailer counting every character of
      // both bodies and each header to choose between it and base64 (a tenth of a message's CPU in the profile).
      textEncoding: 'quoted-printable',
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Academy-Delivery': delivery.id },
    };
    if (unsubscribeUrl) {
      mail.list = { unsubscribe: unsubscribeUrl };
      // RFC 8058: the mail client may unsubscribe with one POST to that address, no page in between.
      mail.headers = {
        ...(mail.headers as Record<string, string>),
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      };
    }
    if (delivery.attachment) {
      const method = delivery.attachment.type === 'cancellation' ? 'CANCEL' : 'REQUEST';
      const calendar = params as CalendarParams;
      const content = sessionCalendar({
        method,
        courseTitle: typeof calendar.courseTitle === 'string' ? calendar.courseTitle : '',
        meetings: Array.isArray(calendar.meetings) ? (calendar.meetings as MeetingSnapshot[]) : [],
        sequence: typeof calendar.sequence === 'number' ? calendar.sequence : 0,
        organizer: { name: this.options.from.name, email: this.options.from.address },
        attendee: { name: recipient.displayName, email: recipient.email },
        description: this.renderer.messages.translate(locale, 'mail.calendar.description', {
          url: this.renderer.url('/my/trainings'),
        }),
        url: this.renderer.url('/my/trainings'),
      });
      mail.icalEvent = {
        method,
        filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
        content,
      };
    }
    return mail;
  }
}
