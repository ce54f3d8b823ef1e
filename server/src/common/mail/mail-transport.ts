import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Transporter } from 'nodemailer';
import { type MailConfig } from '../../config/env.js';

// Where notice emails go (docs/notices.md "Email"): an SMTP server through nodemailer, or, by default, a
// local sink of .eml files a person can open (no mail server needed for local runs). Both build the same
// MIME message with nodemailer; the Message-ID is the caller's, fixed when the outbox row was written.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@host>`: the same on every retry of the message. */
  messageId: string;
  language: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** SMTP timeouts stay well under the outbox lease, so a send never outlives its claim. */
const SOCKET_TIMEOUT_MS = 30_000;

function mailOptions(config: MailConfig, message: MailMessage) {
  return {
    from: config.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    headers: { 'Content-Language': message.language },
  };
}

/**
 * nodemailer (and what it loads) is imported at the first message sent, not at every start: most processes
 * never send one (decision 0065).
 */
let loadingNodemailer: Promise<typeof import('nodemailer')> | undefined;
function nodemailer(): Promise<typeof import('nodemailer')> {
  return (loadingNodemailer ??= import('nodemailer'));
}

/** The transport the configuration names. */
export function createMailTransport(config: MailConfig): MailTransport {
  if (config.transport === 'smtp') {
    const url = new URL(config.smtpUrl!);
    const secure = url.protocol === 'smtps:';
    const options = {
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      connectionTimeout: SOCKET_TIMEOUT_MS,
      greetingTimeout: SOCKET_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    };
    let transporter: Promise<Transporter> | undefined;
    return {
      async send(message) {
        transporter ??= nodemailer().then((mailer) => mailer.createTransport(options));
        await (await transporter).sendMail(mailOptions(config, message));
      },
      close: () => void transporter?.then((made) => made.close()),
    };
  }
  let transporter: Promise<Transporter> | undefined;
  return {
    async send(message) {
      transporter ??= nodemailer().then((mailer) =>
        mailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }),
      );
      const info = (await (await transporter).sendMail(mailOptions(config, message))) as { message: Buffer };
      await mkdir(config.fileDir, { recursive: true });
      // Named after the Message-ID: sending the same message again rewrites the same file. Written then
      // renamed, so a reader never sees half a message.
      const name = message.messageId.replace(/[<>]/g, '').replace(/[^\w.@-]/g, '_');
      const file = path.join(config.fileDir, `${name}.eml`);
      await writeFile(`${file}.tmp`, info.message);
      await rename(`${file}.tmp`, file);
    },
    close: () => undefined,
  };
}
