import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/**
 * Where mail goes: SMTP through nodemailer when SMTP_URL is set; otherwise nowhere outside Sessionly: the message
 * stays in the outbox and admins read it at /admin/mailbox, rendered as the recipient would see it.
 */
export interface OutgoingMail {
  to: { name: string | null; email: string };
  subject: string;
  html: string;
  text: string;
  ics: string | null;
  icsMethod: "REQUEST" | "CANCEL" | null;
  /** Stable per message: a retried send carries the same Message-ID. */
  messageId: string;
  /** RFC 8058 one-click target (accepts POST `List-Unsubscribe=One-Click`). */
  oneClickUnsubscribeUrl: string;
}

export interface DeliveryResult {
  transport: "smtp" | "mailbox";
  providerMessageId: string | null;
}

const globalForMail = globalThis as unknown as { sessionlyMailer?: { url: string; transporter: Transporter } };

function transporterFor(url: string): Transporter {
  if (globalForMail.sessionlyMailer?.url !== url) {
    const transporter = nodemailer.createTransport(url, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 } as never);
    globalForMail.sessionlyMailer = { url, transporter };
  }
  return globalForMail.sessionlyMailer.transporter;
}

export async function deliverMail(mail: OutgoingMail): Promise<DeliveryResult> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return { transport: "mailbox", providerMessageId: null };
  const info = await transporterFor(SMTP_URL).sendMail({
    from: MAIL_FROM,
    to: mail.to.name ? { name: mail.to.name, address: mail.to.email } : mail.to.email,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: mail.messageId,
    headers: { "List-Unsubscribe": `<${mail.oneClickUnsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    ...(mail.ics ? { icalEvent: { method: mail.icsMethod ?? "REQUEST", filename: "invite.ics", content: mail.ics } } : {}),
  });
  return { transport: "smtp", providerMessageId: info.messageId ?? null };
}

/** SMTP 5xx answers are permanent (bad address, refused); connection problems and 4xx are worth retrying. */
export function isPermanentDeliveryError(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
