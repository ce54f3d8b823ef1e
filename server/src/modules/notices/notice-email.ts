import { type Language } from '../../common/i18n/language.js';
import { type MailMessage } from '../../common/mail/mail-transport.js';
import { type Notice } from './notices.entities.js';
import { noticeTypeLabels } from './notices.types.js';

// The bilingual email template of a notice: one text part and one HTML part, in the recipient's preferred
// language. The body is the notice's own text; the rest of the wording is here, in both languages.

const wording = {
  en: {
    urgent: 'Urgent notice',
    type: 'Type',
    date: 'Date',
    open: 'Read this notice in the portal',
    why: 'You receive this email because you subscribed to notice emails in your personal profile. Urgent notices are always emailed.',
    whyUrgent:
      'Urgent notices are emailed to everyone concerned, even to people who unsubscribed from notice emails.',
  },
  fr: {
    urgent: 'Avis urgent',
    type: 'Type',
    date: 'Date',
    open: 'Lire cet avis dans le portail',
    why: 'Vous recevez ce courriel parce que vous êtes abonné aux avis par courriel dans votre profil personnel. Les avis urgents sont toujours envoyés par courriel.',
    whyUrgent:
      'Les avis urgents sont envoyés par courriel à toutes les personnes concernées, même à celles qui se sont désabonnées des avis par courriel.',
  },
} satisfies Record<Language, Record<string, string>>;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The email of `notice` for one person, in `language`; `portalUrl` is the portal's public address. */
export function noticeEmail(
  notice: Notice,
  recipient: { email: string; language: string; messageId: string },
  portalUrl: string,
): MailMessage {
  const lang: Language = recipient.language === 'fr' ? 'fr' : 'en';
  const w = wording[lang];
  const subject = lang === 'fr' ? notice.subjectFr : notice.subjectEn;
  const body = lang === 'fr' ? notice.bodyFr : notice.bodyEn;
  const label = noticeTypeLabels[notice.type][lang];
  const link = `${portalUrl.replace(/\/$/, '')}/${lang}/notices/${notice.id}`;
  const fullSubject = notice.urgent ? `${w.urgent}: ${subject}` : subject;
  const footer = notice.urgent ? w.whyUrgent : w.why;
  const text = [
    ...(notice.urgent ? [w.urgent.toUpperCase(), ''] : []),
    subject,
    '',
    `${w.type}: ${label}`,
    `${w.date}: ${notice.displayDate}`,
    '',
    body,
    '',
    `${w.open}: ${link}`,
    '',
    '--',
    footer,
    '',
  ].join('\n');
  const paragraphs = body
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body>
${notice.urgent ? `<p><strong>${escapeHtml(w.urgent)}</strong></p>\n` : ''}<h1>${escapeHtml(subject)}</h1>
<p>${escapeHtml(w.type)}: ${escapeHtml(label)}<br>${escapeHtml(w.date)}: ${escapeHtml(notice.displayDate)}</p>
${paragraphs}
<p><a href="${escapeHtml(link)}">${escapeHtml(w.open)}</a></p>
<hr>
<p><small>${escapeHtml(footer)}</small></p>
</body>
</html>
`;
  return {
    to: recipient.email,
    subject: fullSubject,
    text,
    html,
    messageId: recipient.messageId,
    language: lang,
  };
}
