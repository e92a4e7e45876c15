/**
 * Masking of contact details inside verbatims (docs/domain.md, "Insights": e-mail addresses,
 * phone numbers and URLs are masked before anything reaches a brand).
 *
 * Decisions:
 * - Fixed tokens (`[email]`, `[phone]`, `[link]`) and nothing else changed: no trimming, no
 *   HTML escaping (rendering escapes). The tokens match none of the patterns, so masking is
 *   idempotent.
 * - Matching reads a normalised copy (NFKC, Unicode spaces, dashes, invisible characters
 *   skipped) but masks the original, so what is not masked comes back byte for byte.
 * - Order: e-mails, then URLs, then phones, so `ana@example.com` is one `[email]` and the
 *   digits of a URL go with the link.
 * - Obfuscated e-mails (`ana at example dot com`) and bare domains only count with a known
 *   TLD; TLDs that are also everyday words (`de`, `ca`, `in`…) need a path or a strong TLD
 *   before them, so "I looked at example.com" or "bien.ca marche" stay sentences.
 * - Not masked, on purpose: ordinary numbers (dates, prices, versions, postcodes, year
 *   ranges, thousands groups), unseparated digit runs not starting with 0 (an order number)
 *   and card or social security numbers (out of scope). A false negative is a leak, a false
 *   positive a garbled quote, so ambiguous separated runs (`01 02 03 04 05`, `700 000 000
 *   users`) are masked as phones.
 */
export const MASK = { email: '[email]', phone: '[phone]', link: '[link]' } as const;

const L = '\\p{L}\\p{M}\\p{N}'; // letters (with combining marks) and digits
const LABEL = `[${L}](?:[${L}-]*[${L}])?`;

const IP_LITERAL = '\\[(?:\\d{1,3}\\.){3}\\d{1,3}\\]';
const EMAIL = new RegExp(`(?<![${L}._%+-])[${L}._%+-]+@(?:(?:${LABEL}\\.)+\\p{L}{2,}(?![${L}])|${IP_LITERAL})`, 'gu');

const URL_TAIL = `[^\\s<>"'\`]*`;
const SCHEME_URL = new RegExp(`(?<![${L}])(?:https?|ftp):\\/\\/[^\\s<>"'\`]+`, 'giu');
const WWW_URL = new RegExp(`(?<![${L}.@/-])www\\.${LABEL}(?:\\.${LABEL})*${URL_TAIL}`, 'giu');

/** TLDs masked even without a path. Lower case only. */
// prettier-ignore
export const STRONG_TLDS: readonly string[] = [
  'com', 'net', 'org', 'fr', 'eu', 'uk', 'io', 'info', 'biz', 'app', 'dev', 'ly', 'gl', 'tv', 'fm', 'gg', 'shop', 'store',
  'online', 'site', 'xyz', 'tech', 'cloud', 'ch', 'nl', 'pl', 'pt', 'ru', 'cn', 'jp', 'br', 'edu', 'gov',
];
/**
 * TLDs that are also French or English words or abbreviations: masked only with a path, or
 * after a strong TLD (`example.com.au`).
 */
// prettier-ignore
export const WEAK_TLDS: readonly string[] = [
  'de', 'es', 'it', 'me', 'us', 'co', 'be', 'ca', 'la', 'to', 'in', 'is', 'at', 'no', 'so', 'ai', 'au', 'lu',
];

const DOMAIN_START = `(?<![${L}._%+@/-])(?:${LABEL}\\.)+`;
const TLD_END = `(?![${L}-]|\\.[${L}])`; // the last label: not followed by another
const BARE_DOMAIN = new RegExp(
  `${DOMAIN_START}(?:${STRONG_TLDS.join('|')})(?:\\.(?:${WEAK_TLDS.join('|')}))?${TLD_END}(?:[/?#]${URL_TAIL})?`,
  'gu',
);
const BARE_DOMAIN_WITH_PATH = new RegExp(`${DOMAIN_START}(?:${WEAK_TLDS.join('|')})${TLD_END}\\/${URL_TAIL}`, 'gu');

/**
 * `ana at example dot com`, `ana(at)example.com`, `ana [at] example [dot] fr`: only with a bracketed at or a spelled dot, and a known TLD.
 * The spelled dots before the at and the labels after it are bounded (4 and 6), so that a long run of
 * "a dot a dot …" costs linear time, not one scan of the rest of the text from every word.
 */
const OBFUSCATED_AT = '(?: ?[(\\[{]at[)\\]}] ?| at )';
const SPELLED_DOT = '(?: ?[(\\[{]dot[)\\]}] ?| dot )';
const OBFUSCATED_DOT = `(?:${SPELLED_DOT}|\\.)`;
const OBFUSCATED_EMAIL = new RegExp(
  `(?<![${L}._%+-])[${L}._%+-]+(?:${SPELLED_DOT}[${L}._%+-]+){0,4}${OBFUSCATED_AT}(?:${LABEL}${OBFUSCATED_DOT}){1,6}(?:${[...STRONG_TLDS, ...WEAK_TLDS].join('|')})(?![${L}])`,
  'giu',
);
const SPELLED = /[(\[{](?:at|dot)[)\]}]| dot /i;

const SEP = '[ ./\\-]';
const PHONE_START = `(?<![${L}+.,/_-])`;
const PHONE_END = `(?![${L}_]|[.,/:-]\\d)`;
const COUNTRY = '[1-9]\\d{0,3}';
const INTERNATIONAL_PHONE = new RegExp(
  `(?<![${L}+_(])(?:\\(\\+${COUNTRY}\\)|(?:\\+|00 ?)${COUNTRY})(?:${SEP}?(?:\\(0\\)${SEP}?)?(?:\\(\\d{1,4}\\)|\\d{1,4})){1,7}${PHONE_END}`,
  'gu',
);
const FRENCH_PHONE = new RegExp(`${PHONE_START}0[1-9](?:${SEP}?\\d{2}){4}${PHONE_END}`, 'gu');
const NANP_PHONE = new RegExp(`${PHONE_START}(?:1${SEP})?(?:\\(\\d{3}\\) ?|\\d{3}${SEP})\\d{3}${SEP}\\d{4}${PHONE_END}`, 'gu');
const NATIONAL_PHONE = new RegExp(`${PHONE_START}0\\d{2,4}${SEP}\\d{3,4}${SEP}?\\d{3,4}${PHONE_END}`, 'gu');
/** Groups of digits with one separator between them: a phone when 8+ digits and not a date, a year range, a thousands-grouped number or an IP address. */
const DIGIT_GROUPS = new RegExp(`${PHONE_START}(?:\\d{2,5}\\/)?\\d{1,8}(${SEP})\\d{1,8}(?:\\1\\d{1,8})*${PHONE_END}`, 'gu');

const digitCount = (s: string): number => s.replace(/\D/g, '').length;

const YEAR = '(?:19|20)\\d{2}';
const NOT_A_PHONE: readonly RegExp[] = [
  new RegExp(`^\\d{1,2}([./-])\\d{1,2}\\1${YEAR}$`), // 12/03/2024, 12.03.2024
  new RegExp(`^${YEAR}([./-])\\d{1,2}\\1\\d{1,2}$`), // 2024-03-12
  new RegExp(`^${YEAR}[ /-]${YEAR}$`), // 2019-2024
  /^\d{1,3}([ .])\d{3}(?:\1\d{3})*$/, // 10 000 000, 1.000.000 (but see SPANISH_MOBILE)
  /^[1-9]\d{0,2}(?:\.\d{1,3}){3}$/, // 192.168.1.10 (a leading 0 is a phone: 078.123.45.67)
];
/** Spanish mobiles and landlines written 3-3-3 (`612 345 678`) look like thousands: a phone unless money is next to it. */
const SPANISH_MOBILE = /^[6-9]\d{2}([ .])\d{3}\1\d{3}$/;
const MONEY_BEFORE = /[€$£]\s?$/;
const MONEY_AFTER = /^\s?(?:[€$£%]|eur|euros?|chf|usd|k\b)/i;

function isDigitGroupPhone(m: string, before: string, after: string): boolean {
  if (digitCount(m) < 8 || digitCount(m) > 15) return false;
  if (SPANISH_MOBILE.test(m)) return !MONEY_BEFORE.test(before) && !MONEY_AFTER.test(after);
  return !NOT_A_PHONE.some((p) => p.test(m));
}

const OPENING: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
const occurrences = (s: string, c: string): number => s.split(c).length - 1;

/** How many characters of trailing sentence punctuation (and closing brackets with no opening one) a link leaves outside its mask. */
function trailingPunctuation(match: string): number {
  let url = match;
  for (;;) {
    const last = url.slice(-1);
    const opening = OPENING[last];
    const trailing = '.,;:!?'.includes(last) || (opening !== undefined && occurrences(url, opening) < occurrences(url, last));
    if (last === '' || !trailing) break;
    url = url.slice(0, -1);
  }
  return match.length - url.length;
}

export function maskEmails(text: string): string {
  return maskPii(text, ['email']);
}

export function maskLinks(text: string): string {
  return maskPii(text, ['link']);
}

export function maskPhones(text: string): string {
  return maskPii(text, ['phone']);
}

type Kind = keyof typeof MASK;
/** What one pattern masks: the mask's length inside the match (a link leaves trailing punctuation out), or 0 to keep it. */
type Rule = { kind: Kind; pattern: RegExp; masked: (match: string, before: string, after: string) => number };

const whole = (m: string): number => m.length;
const RULES: readonly Rule[] = [
  { kind: 'email', pattern: EMAIL, masked: whole },
  { kind: 'email', pattern: OBFUSCATED_EMAIL, masked: (m) => (SPELLED.test(m) ? m.length : 0) },
  ...[SCHEME_URL, WWW_URL, BARE_DOMAIN, BARE_DOMAIN_WITH_PATH].map((pattern): Rule => ({
    kind: 'link',
    pattern,
    masked: (m) => m.length - trailingPunctuation(m),
  })),
  {
    kind: 'phone',
    pattern: INTERNATIONAL_PHONE,
    masked: (m) => {
      const digits = digitCount(m) - (m.startsWith('00') ? 2 : 0);
      return digits >= 8 && digits <= 15 ? m.length : 0;
    },
  },
  { kind: 'phone', pattern: FRENCH_PHONE, masked: whole },
  { kind: 'phone', pattern: NANP_PHONE, masked: whole },
  { kind: 'phone', pattern: NATIONAL_PHONE, masked: (m) => (digitCount(m) >= 10 && digitCount(m) <= 11 ? m.length : 0) },
  { kind: 'phone', pattern: DIGIT_GROUPS, masked: (m, before, after) => (isDigitGroupPhone(m, before, after) ? m.length : 0) },
];

/** Stands for a masked span while the later rules run: no letter, digit, separator or mark any pattern looks at. */
const HOLE = '\u0000';
const SPACE = /^[\p{Zs}\t]$/u;
const DOT_LIKE = /^[。｡︒]$/u;

/**
 * The text the patterns read: NFKC per character (fullwidth digits and `＠`, ligatures),
 * every Unicode space a plain space, ideographic full stops a dot, dashes a hyphen,
 * invisible format characters (zero-width space, soft hyphen) dropped. `from[i]`/`to[i]`
 * are where the character at `i` came from in the original, so that masks land there and
 * the rest of the original is kept as it was written.
 */
function normalise(text: string): { norm: string; from: number[]; to: number[] } {
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const ch of text) {
    let out: string;
    if (SPACE.test(ch)) out = ' ';
    else if (DOT_LIKE.test(ch)) out = '.';
    else if (/^\p{Pd}$/u.test(ch)) out = '-';
    else if (/^\p{Cf}$/u.test(ch)) out = '';
    else out = ch.normalize('NFKC');
    for (let i = 0; i < out.length; i++) {
      from.push(at);
      to.push(at + ch.length);
    }
    norm += out;
    at += ch.length;
  }
  return { norm, from, to };
}

type Span = { start: number; end: number; kind: Kind };

/** A later mask that covers earlier ones (a URL around an e-mail) replaces them. */
function addSpan(spans: Span[], span: Span): void {
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i];
    if (s.end <= span.start || s.start >= span.end) continue;
    span.start = Math.min(span.start, s.start);
    span.end = Math.max(span.end, s.end);
    spans.splice(i, 1);
  }
  spans.push(span);
}

/**
 * E-mails, then links, then phones (or only the kinds asked for); see the header for what
 * is and is not masked. Matching reads the normalised text; what is not masked is returned
 * exactly as written.
 */
export function maskPii(text: string, kinds: readonly Kind[] = ['email', 'link', 'phone']): string {
  const { norm, from, to } = normalise(text);
  let work = norm;
  const spans: Span[] = [];
  for (const rule of RULES) {
    if (!kinds.includes(rule.kind)) continue;
    work = work.replace(rule.pattern, (...args: unknown[]) => {
      const m = args[0] as string;
      const offset = args.find((a) => typeof a === 'number') as number;
      const length = rule.masked(m, work.slice(Math.max(0, offset - 2), offset), work.slice(offset + m.length, offset + m.length + 6));
      if (length === 0) return m;
      addSpan(spans, { start: offset, end: offset + length, kind: rule.kind });
      return HOLE.repeat(length) + m.slice(length);
    });
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, from[s.start]) + MASK[s.kind];
    at = to[s.end - 1];
  }
  return out + text.slice(at);
}
