import nodemailer from 'nodemailer';
import type { MailSender } from './email-delivery.js';

/**
 * An SMTP transport from SMTP_URL with timeouts well inside the delivery lease (120 s), so a hung server cannot
 * keep a message past its lease and have a second worker send it too.
 */
export function smtpSender(url: string): MailSender & { close(): void } {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    sendMail: (message) => transport.sendMail(message),
    close: () => transport.close(),
  };
}

/** Host part of an address like "Name <user@host>" or of a URL, for Message-IDs. */
export function messageIdDomain(mailFrom: string, appUrl: string): string {
  const at = /@([^>\s]+)/.exec(mailFrom);
  return at?.[1] ?? new URL(appUrl).hostname;
}
