import { redactPii } from '../scoring/redaction/pii.ts';
import { formatLondon } from './london-time.ts';
import type { AlertSeverity } from './rules.ts';

// Bidi overrides and zero-width characters can make a post read differently from what it says
// (Trojan Source); in an alert they are shown as a visible marker instead of acting.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;
// Control characters, CR and LF included: alert text is always one line (no header injection).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]+/g;

/**
 * Text fit to leave the trust: patient details redacted (again: redaction is cheap, and the
 * caller may hand us something that skipped it), one line, invisible controls made visible,
 * and cut to `max` characters on a word boundary.
 */
export function alertText(text: string, max: number): string {
  const oneLine = text.replace(CONTROL, ' ').replace(INVISIBLE, '[hidden character]');
  const redacted = redactPii(oneLine).redacted.replace(/\s+/g, ' ').trim();
  if (redacted.length <= max) return redacted;
  const cut = redacted.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

export interface AlertMessageInput {
  alertId: number;
  title: string;
  why: string;
  excerpt: string | null;
  severity: AlertSeverity;
  /** Signals grouped into this alert (1 for a single one). */
  count: number;
  raisedAt: Date;
  /** The alert's page in the dashboard, where reading the full post is logged. */
  alertUrl: string;
  /** The single-use acknowledgement link, or null for channels where it cannot be personal. */
  ackUrl: string | null;
  /** 1-based step of the ladder and whether this is a repeat of the last step. */
  step: number;
  repeat: number;
}

export interface AlertMessage {
  subject: string;
  text: string;
  html: string;
  /** For chat webhooks: a title, one paragraph and the links. */
  chat: { title: string; summary: string };
}

const SEVERITY_WORD: Record<AlertSeverity, string> = {
  info: 'For information',
  alert: 'Alert',
  page: 'Page',
};

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** One short, redacted message for every channel: why it fired, an excerpt, and the links. */
export function composeAlertMessage(input: AlertMessageInput): AlertMessage {
  const title = alertText(input.title, 120);
  const why = alertText(input.why, 300);
  const excerpt = input.excerpt === null ? null : alertText(input.excerpt, 280);
  const more = input.count > 1 ? ` (${input.count} posts)` : '';
  const again = input.repeat > 0 ? ' - reminder, not yet acknowledged' : '';
  const subject = alertText(
    `[Barometer ${SEVERITY_WORD[input.severity]}] ${title}${more}${again}`,
    160,
  );
  const when = formatLondon(input.raisedAt);
  const lines = [
    `${title}${more}`,
    '',
    why,
    ...(excerpt ? ['', `"${excerpt}"`] : []),
    '',
    `Raised ${when} (UK time). Ladder step ${input.step}${input.repeat > 0 ? `, reminder ${input.repeat}` : ''}.`,
    '',
    ...(input.ackUrl ? [`Acknowledge (one click, no sign-in): ${input.ackUrl}`] : []),
    `Open in Barometer: ${input.alertUrl}`,
    '',
    'Patient details are removed from this message. Read the full post in Barometer.',
  ];
  const html = [
    '<!doctype html><html><body style="font-family:Arial,sans-serif;font-size:15px;color:#212b32">',
    `<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(title)}${escapeHtml(more)}</h1>`,
    `<p>${escapeHtml(why)}</p>`,
    excerpt
      ? `<blockquote style="border-left:4px solid #005eb8;margin:0;padding:4px 12px">${escapeHtml(excerpt)}</blockquote>`
      : '',
    `<p style="color:#4c6272">Raised ${escapeHtml(when)} (UK time). Ladder step ${input.step}${input.repeat > 0 ? `, reminder ${input.repeat}` : ''}.</p>`,
    input.ackUrl
      ? `<p><a href="${escapeHtml(input.ackUrl)}" style="background:#007f3b;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px">Acknowledge</a></p>`
      : '',
    `<p><a href="${escapeHtml(input.alertUrl)}">Open in Barometer</a></p>`,
    '<p style="color:#4c6272;font-size:13px">Patient details are removed from this message. Read the full post in Barometer.</p>',
    '</body></html>',
  ].join('');
  const summary = [why, excerpt ? `"${excerpt}"` : null, `Raised ${when} (UK time).`]
    .filter(Boolean)
    .join(' ');
  return { subject, text: lines.join('\n'), html, chat: { title: `${title}${more}`, summary } };
}
