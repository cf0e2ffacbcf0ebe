const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};
const ZONES: Record<string, number> = {
  gmt: 0,
  ut: 0,
  utc: 0,
  z: 0,
  bst: 60,
  ist: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

// RFC 822 and its common corruptions: optional weekday, optional seconds, 2-digit years,
// missing zone ("14 Jan 2026 16:33 +0000" from Bluesky, "Mon, 01 Sep 26 10:00 GMT").
const RFC822 =
  /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:([+-])(\d{2}):?(\d{2})|\(?([a-z]{1,5})\)?)?/i;
const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Lenient date parsing. A missing zone means UTC (feeds mostly mean GMT, and local time would
 * make the result depend on the server). Returns epoch milliseconds or null.
 */
export function parseFeedDate(raw: string | null | undefined): number | null {
  if (!raw) return null;
  const value = raw.trim();
  if (!value) return null;
  const iso = ISO.exec(value);
  if (iso) return fromIso(iso);
  const rfc = RFC822.exec(value);
  if (rfc) return fromRfc822(rfc);
  const fallback = Date.parse(
    /(?:z|gmt|utc|[+-]\d{2}:?\d{2})\s*$/i.test(value) ? value : `${value} UTC`,
  );
  return Number.isFinite(fallback) ? fallback : null;
}

function fromIso(m: RegExpExecArray): number | null {
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  }
  return build(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), offset);
}

function fromRfc822(m: RegExpExecArray): number | null {
  const [, d, monthName, yearRaw, h = '0', mi = '0', s = '0', sign, oh, om, zoneName] = m;
  const month = MONTHS[monthName!.slice(0, 3).toLowerCase()];
  if (month === undefined) return null;
  let year = Number(yearRaw);
  if (yearRaw!.length === 2) year += year < 50 ? 2000 : 1900;
  let offset = 0;
  if (sign) offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  else if (zoneName) offset = ZONES[zoneName.toLowerCase()] ?? 0;
  return build(year, month, Number(d), Number(h), Number(mi), Number(s), offset);
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offsetMinutes: number,
): number | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) {
    return null;
  }
  const ms = Date.UTC(year, month, day, hour, minute, second) - offsetMinutes * 60_000;
  return Number.isFinite(ms) ? ms : null;
}
