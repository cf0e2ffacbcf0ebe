import { describe, expect, test } from 'vitest';
import { alertText, composeAlertMessage } from './message.ts';

const base = {
  alertId: 5,
  title: 'Safeguarding signal on Local news',
  why: 'A post on Local news reads as a safeguarding signal.',
  excerpt: 'My son, NHS number 943 476 5919, call 07700 900123, says goodbye',
  severity: 'page' as const,
  count: 1,
  raisedAt: new Date('2026-03-29T01:30:00Z'),
  alertUrl: 'https://barometer.trust.nhs.uk/alerts/5',
  ackUrl: 'https://barometer.trust.nhs.uk/ack/5.n.1.s',
  step: 1,
  repeat: 0,
};

describe('alert text', () => {
  test('no NHS number or phone number reaches any part of a message', () => {
    const m = composeAlertMessage(base);
    for (const part of [m.subject, m.text, m.html, m.chat.title, m.chat.summary]) {
      expect(part).not.toMatch(/943\s?476\s?5919/);
      expect(part).not.toMatch(/07700\s?900123/);
    }
    expect(m.text).toContain('[NHS number]');
  });

  test('a subject is one line whatever the title holds (no header injection)', () => {
    const m = composeAlertMessage({ ...base, title: 'Hello\r\nBcc: everyone@example.com' });
    expect(m.subject).not.toMatch(/[\r\n]/);
  });

  test('HTML in a post is shown as text in the HTML body', () => {
    const m = composeAlertMessage({ ...base, excerpt: '<img src=x onerror=alert(1)>' });
    expect(m.html).not.toContain('<img');
    expect(m.html).toContain('&lt;img');
  });

  test('bidi overrides and zero-width characters are shown, not obeyed', () => {
    expect(alertText('a\u202Eevil', 100)).toBe('a[hidden character]evil');
  });

  test('long text is cut on a word boundary with an ellipsis', () => {
    const cut = alertText('word '.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('…')).toBe(true);
  });

  test('carries the acknowledgement link and the dashboard link, and says it is a reminder', () => {
    const m = composeAlertMessage({ ...base, count: 4, repeat: 2, step: 3 });
    expect(m.text).toContain(base.ackUrl);
    expect(m.text).toContain(base.alertUrl);
    expect(m.subject).toContain('(4 posts)');
    expect(m.subject).toContain('reminder');
  });

  test('the time is London time: 01:30 UTC on the March change day is 02:30', () => {
    expect(composeAlertMessage(base).text).toContain('02:30');
  });
});
