/**
 * Masking of contact details inside verbatims (DESIGN.md, "Insights": e-mail addresses,
 * phone numbers and URLs are masked before anything reaches a brand).
 *
 * Decisions:
 * - Replacements are fixed tokens: `[email]`, `[phone]`, `[link]`; the rest of the text is
 *   left byte for byte (no trimming, no HTML escaping: rendering escapes, `<script>` stays
 *   `<script>` here). Masking is idempotent: the tokens match none of the patterns.
 * - Order: e-mails first (so `ana@example.com` is one `[email]`, not `ana@[link]`), then
 *   URLs, then phones (so digits inside a URL go with the link).
 * - E-mail: local part of letters, digits and `._%+-`, `@`, dot-separated labels, a
 *   top-level label of 2+ letters. Unicode letters are allowed (`élodie@exemple.fr`).
 * - URL: anything after `http://`, `https://` or `ftp://`, or starting `www.`, up to white
 *   space, quotes or `<>`; trailing sentence punctuation (`.,;:!?`, a closing bracket with
 *   no opening one) is left outside the mask. A bare domain (`example.com/path`) is
 *   masked when its last label is a lower-case top-level domain from `STRONG_TLDS`; the TLDs
 *   that are also everyday words or abbreviations (`de`, `es`, `it`, `me`, `us`, `co`, `be`,
 *   `ca`, `la`, `to`, `in`, `is`, `at`, `no`, `so`, `ai`, `au`, `lu`) only count when a
 *   path follows (`exemple.de/x`) or after a strong one (`example.com.au`), so "bien.ca
 *   marche" or "fin.de" typed without a space survive. File
 *   names (`photo.jpg`, `node.js`) and upper-case names (`ASP.NET`) are not links.
 * - Phone: international numbers (`+` or `00`, country code, 8–15 digits in all, groups
 *   separated by spaces, dots or hyphens, an optional `(0)`), French national numbers
 *   (`0X XX XX XX XX` in any of those separators or none), North-American numbers
 *   (`(555) 123-4567`, `555-123-4567`, `555.123.4567`, `1-555-123-4567`) and other
 *   national numbers starting with 0 in 3 groups (`020 7946 0958`, 10–11 digits). A phone
 *   number never touches a letter or a digit on either side.
 * - Not masked, on purpose: ordinary numbers (`3 times`, `2024`, `50%`, `7/10`, `12,50 €`,
 *   `10:30`, `1 000 000`, dates, versions, postcodes), bare runs of digits that do not start
 *   with 0 (`5551234567` could be an order number), numbers written in words, obfuscated
 *   addresses (`ana at example dot com`, whose domain part is still masked as a link), and
 *   other identifiers (card or social security numbers) which this module does not cover.
 *   The price of a false negative is a leak, of a false positive a garbled quote: a list
 *   of ten digits in pairs starting with 0 (`01 02 03 04 05`) is masked as a phone.
 */
export const MASK = { email: '[email]', phone: '[phone]', link: '[link]' } as const;

const L = '\\p{L}\\p{M}\\p{N}'; // letters (with combining marks) and digits
const LABEL = `[${L}](?:[${L}-]*[${L}])?`;

const EMAIL = new RegExp(`(?<![${L}._%+-])[${L}._%+-]+@(?:${LABEL}\\.)+\\p{L}{2,}(?![${L}])`, 'gu');

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

const SEP = '[ .\\-]';
const PHONE_START = `(?<![${L}+.,/_-])`;
const PHONE_END = `(?![${L}_]|[.,/:-]\\d)`;
const INTERNATIONAL_PHONE = new RegExp(
  `(?<![${L}+_])(?:\\+|00)[1-9]\\d{0,3}(?:${SEP}?(?:\\(0\\)${SEP}?)?(?:\\(\\d{1,4}\\)|\\d{1,4})){1,7}${PHONE_END}`,
  'gu',
);
const FRENCH_PHONE = new RegExp(`${PHONE_START}0[1-9](?:${SEP}?\\d{2}){4}${PHONE_END}`, 'gu');
const NANP_PHONE = new RegExp(`${PHONE_START}(?:1${SEP})?(?:\\(\\d{3}\\) ?|\\d{3}${SEP})\\d{3}${SEP}\\d{4}${PHONE_END}`, 'gu');
const NATIONAL_PHONE = new RegExp(`${PHONE_START}0\\d{2,4}${SEP}\\d{3,4}${SEP}?\\d{3,4}${PHONE_END}`, 'gu');

const digitCount = (s: string): number => s.replace(/\D/g, '').length;

const OPENING: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
const occurrences = (s: string, c: string): number => s.split(c).length - 1;

/** Leaves trailing sentence punctuation (and a closing bracket with no opening one) outside the mask. */
function maskLink(match: string): string {
  let url = match;
  for (;;) {
    const last = url.slice(-1);
    const opening = OPENING[last];
    const trailing = '.,;:!?'.includes(last) || (opening !== undefined && occurrences(url, opening) < occurrences(url, last));
    if (last === '' || !trailing) break;
    url = url.slice(0, -1);
  }
  return MASK.link + match.slice(url.length);
}

export function maskEmails(text: string): string {
  return text.replace(EMAIL, MASK.email);
}

export function maskLinks(text: string): string {
  return [SCHEME_URL, WWW_URL, BARE_DOMAIN, BARE_DOMAIN_WITH_PATH].reduce((out, pattern) => out.replace(pattern, maskLink), text);
}

export function maskPhones(text: string): string {
  return text
    .replace(INTERNATIONAL_PHONE, (m) => {
      const digits = digitCount(m) - (m.startsWith('00') ? 2 : 0);
      return digits >= 8 && digits <= 15 ? MASK.phone : m;
    })
    .replace(FRENCH_PHONE, MASK.phone)
    .replace(NANP_PHONE, MASK.phone)
    .replace(NATIONAL_PHONE, (m) => (digitCount(m) >= 10 && digitCount(m) <= 11 ? MASK.phone : m));
}

/** E-mails, then links, then phones; see the header for what is and is not masked. */
export function maskPii(text: string): string {
  return maskPhones(maskLinks(maskEmails(text)));
}
