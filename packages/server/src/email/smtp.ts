/**
 * The default way out: SMTP through nodemailer, from `SMTP_URL` (for example
 * `smtp://user:pass@smtp.example.com:587`). The sender address is `SMTP_FROM`, else `no-reply@<smtp host>`.
 */
import type { EmailMessage } from './templates.js';

export type SendEmail = (message: EmailMessage) => Promise<void>;

export interface SmtpOptions {
  url: string;
  from?: string;
}

export async function smtpSender({ url, from }: SmtpOptions): Promise<SendEmail> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(url);
  const sender = from ?? `no-reply@${new URL(url).hostname || 'localhost'}`;
  return async (message) => {
    await transport.sendMail({
      from: sender,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
  };
}

/** Where email goes when no `sendEmail` is given: `SMTP_URL`, else nowhere (the server says so at start). */
export async function defaultSender(env: NodeJS.ProcessEnv = process.env): Promise<SendEmail | undefined> {
  const url = env['SMTP_URL'];
  if (!url) return undefined;
  return smtpSender(env['SMTP_FROM'] ? { url, from: env['SMTP_FROM'] } : { url });
}
