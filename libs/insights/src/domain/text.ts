/**
 * Open-text analysis for reports (docs/domain.md, "Insights": top terms and two-word phrases,
 * French and English stop words, representative quotes).
 *
 * Decisions:
 * - Mask first (`maskPii`), then read: a term is never a piece of an e-mail address, domain
 *   or phone number, and a quote is always masked.
 * - NFC and lower case, but accents are kept: folding would merge real French pairs
 *   ("côte"/"cote") and show words as nobody wrote them.
 * - French elisions and an English "'s" are cut off (l'eau → eau, product's → product);
 *   French and English stop words are one list, since answers mix the languages.
 * - A term's n counts answers, not occurrences: one respondent repeating "battery" five
 *   times is one voice. Phrases likewise.
 * - Ranking ties fall back to code-unit order, so the result is total.
 * - Quotes: one per term, each a different answer, preferring answers of at least
 *   `MIN_QUOTE_WORDS` words (a one-word "battery" says nothing), then the shortest.
 */
import { maskPii } from './masking';

export interface TermCount {
  term: string;
  n: number;
}
export interface PhraseCount {
  phrase: string;
  n: number;
}
export interface Answer {
  pseudonym: string;
  text: string;
}
export interface Quote {
  pseudonym: string;
  text: string;
}
export interface RankOptions {
  limit?: number;
  minAnswers?: number;
}
export interface QuoteOptions {
  limit?: number;
  maxLength?: number;
}

export const DEFAULT_TOP = 10;
export const DEFAULT_QUOTES = 5;
export const DEFAULT_QUOTE_LENGTH = 300;
export const MIN_QUOTE_WORDS = 3;

/** French elided words, cut off the front of a token with their apostrophe. */
export const ELISIONS: readonly string[] = ['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu'];

// prettier-ignore
const ENGLISH_STOP_WORDS = [
  'a', 'about', 'above', 'across', 'after', 'again', 'against', 'all', 'almost', 'along', 'already', 'also', 'although',
  'always', 'am', 'among', 'an', 'and', 'another', 'any', 'anyone', 'anything', 'anyway', 'are', "aren't", 'around', 'as',
  'at', 'back', 'be', 'became', 'because', 'become', 'been', 'before', 'being', 'below', 'between', 'bit', 'both', 'but',
  'by', 'can', "can't", 'cannot', 'could', "couldn't", 'did', "didn't", 'do', 'does', "doesn't", 'doing', "don't", 'done',
  'down', 'during', 'each', 'either', 'else', 'enough', 'etc', 'even', 'ever', 'every', 'everything', 'few', 'for', 'from',
  'further', 'get', 'gets', 'getting', 'got', 'had', "hadn't", 'has', "hasn't", 'have', "haven't", 'having', 'he', "he'd",
  "he'll", 'her', 'here', 'hers', 'herself', 'him', 'himself', 'his', 'how', 'however', 'i', "i'd", "i'll", "i'm", "i've",
  'if', 'in', 'into', 'is', "isn't", 'it', "it'll", 'its', 'itself', 'just', 'least', 'less', 'let', 'lot', 'lots', 'made',
  'make', 'makes', 'many', 'may', 'maybe', 'me', 'might', 'more', 'most', 'much', 'must', "mustn't", 'my', 'myself',
  'neither', 'never', 'no', 'nor', 'not', 'nothing', 'now', 'of', 'off', 'often', 'ok', 'okay', 'on', 'once', 'one', 'ones',
  'only', 'onto', 'or', 'other', 'others', 'ought', 'our', 'ours', 'ourselves', 'out', 'over', 'own', 'per', 'perhaps',
  'quite', 'rather', 'really', 'same', 'shall', "shan't", 'she', "she'd", "she'll", 'should', "shouldn't", 'since', 'so',
  'some', 'something', 'sometimes', 'still', 'such', 'than', 'that', 'the', 'their', 'theirs', 'them', 'themselves', 'then',
  'there', 'these', 'they', "they'd", "they'll", "they're", "they've", 'thing', 'things', 'this', 'those', 'though',
  'through', 'thus', 'to', 'too', 'toward', 'towards', 'under', 'until', 'up', 'upon', 'us', 'use', 'used', 'very', 'via',
  'was', "wasn't", 'we', "we'd", "we'll", "we're", "we've", 'well', 'were', "weren't", 'what', 'whatever', 'when', 'where',
  'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with', 'within', 'without', "won't", 'would',
  "wouldn't", 'yeah', 'yes', 'yet', 'you', "you'd", "you'll", "you're", "you've", 'your', 'yours', 'yourself', 'yourselves',
];

// prettier-ignore
const FRENCH_STOP_WORDS = [
  'à', 'afin', 'ai', 'aie', 'aient', 'ainsi', 'alors', 'as', 'assez', 'au', 'aucun', 'aucune', 'aussi', 'autre', 'autres',
  'aux', 'avaient', 'avais', 'avait', 'avant', 'avec', 'avez', 'aviez', 'avions', 'avoir', 'avons', 'ayant', 'beaucoup',
  'bien', 'c', 'ça', 'ca', 'car', 'ce', 'ceci', 'cela', 'celle', 'celles', 'celui', 'cependant', 'certain', 'certaine',
  'certains', 'ces', 'cest', 'cet', 'cette', 'ceux', 'chaque', 'chez', 'comme', 'comment', 'd', 'dans', 'de', 'déjà',
  'deja', 'depuis', 'des', 'dès', 'donc', 'dont', 'du', 'elle', 'elles', 'en', 'encore', 'enfin', 'entre', 'es', 'est',
  'et', 'étaient', 'étais', 'était', 'étant', 'été', 'être', 'etre', 'êtes', 'eu', 'eux', 'fait', 'faire', 'fais', 'faut',
  'fois', 'ici', 'il', 'ils', 'j', 'je', 'jamais', 'juste', 'l', 'la', 'là', 'le', 'les', 'leur', 'leurs', 'lors', 'lui',
  'm', 'ma', 'mais', 'me', 'même', 'meme', 'mes', 'moi', 'moins', 'mon', 'n', 'ne', 'ni', 'non', 'nos', 'notre', 'nous',
  'on', 'ont', 'ou', 'où', 'oui', 'par', 'parce', 'parfois', 'pas', 'pendant', 'peu', 'peut', 'peuvent', 'peux', 'plus',
  'plusieurs', 'pour', 'pourquoi', 'pourrait', 'puis', 'qu', 'quand', 'que', 'quel', 'quelle', 'quelles', 'quels',
  'quelque', 'quelques', "quelqu'un", 'qui', 'quoi', 'rien', 's', 'sa', 'sans', 'se', 'selon', 'serait', 'ses', 'si',
  'sinon', 'soit', 'sommes', 'son', 'sont', 'sous', 'suis', 'sur', 't', 'ta', 'tant', 'te', 'tes', 'toi', 'ton',
  'toujours', 'tous', 'tout', 'toute', 'toutes', 'très', 'tres', 'trop', 'tu', 'un', 'une', 'va', 'vais', 'vers', 'voilà',
  'voici', 'vont', 'vos', 'votre', 'vous', 'vraiment', 'y',
];

/** French and English stop words, lower case, NFC, apostrophes written '. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH_STOP_WORDS, ...FRENCH_STOP_WORDS].map((w) => w.normalize('NFC')));

const WORD = '[\\p{L}\\p{M}\\p{N}]';
const TOKEN = new RegExp(`${WORD}+(?:['’ʼ‐-]${WORD}+)*`, 'gu');
const MASK_TOKEN = /\[(?:email|phone|link)\]/g;
/** Punctuation and symbols end a segment; so do an apostrophe or hyphen not between two word characters, and line breaks. */
const SEGMENT_BREAK = new RegExp(`[^\\p{L}\\p{M}\\p{N}'’ʼ‐\\-\\p{Zs}\\t]|(?<!${WORD})['’ʼ‐-]|['’ʼ‐-](?!${WORD})`, 'u');
const ELISION = new RegExp(`^(?:${ELISIONS.join('|')})'(?=${WORD})`, 'u');

function normalizeToken(raw: string): string {
  const token = raw.replace(/[’ʼ]/g, "'").replace(/‐/g, '-');
  return token.replace(ELISION, '').replace(/'s$/, '');
}

/** Text after masking and NFC, split into segments that phrases may not cross. */
function segments(text: string): string[] {
  return maskPii(text.normalize('NFC')).replace(MASK_TOKEN, '\n').toLowerCase().split(SEGMENT_BREAK);
}

/** Tokens of each segment, stop words included, in order. */
export function tokenizeSegments(text: string): string[][] {
  return segments(text)
    .map((segment) => (segment.match(TOKEN) ?? []).map(normalizeToken).filter((t) => t !== ''))
    .filter((tokens) => tokens.length > 0);
}

/** Every token of a text, stop words included, in order. */
export function tokenize(text: string): string[] {
  return tokenizeSegments(text).flat();
}

/** Whether a (normalized) token counts as a term. */
export function isTerm(token: string): boolean {
  if ([...token].length < 2 || !/\p{L}/u.test(token) || STOP_WORDS.has(token)) return false;
  const parts = token.split('-');
  return parts.length === 1 || !parts.every((part) => STOP_WORDS.has(part) || [...part].length < 2);
}

function termsOf(text: string): Set<string> {
  return new Set(tokenize(text).filter(isTerm));
}

function phrasesOf(text: string): Set<string> {
  const phrases = new Set<string>();
  for (const tokens of tokenizeSegments(text)) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      const [a, b] = [tokens[i], tokens[i + 1]];
      if (a !== b && isTerm(a) && isTerm(b)) phrases.add(`${a} ${b}`);
    }
  }
  return phrases;
}

const collator = new Intl.Collator('en', { sensitivity: 'variant' });
export function alphabetical(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function assertPositiveInteger(value: number, what: string, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${what} must be an integer ≥ ${min}, got ${value}`);
}

function rank(perAnswer: Iterable<Set<string>>, options: RankOptions): { key: string; n: number }[] {
  const limit = options.limit ?? DEFAULT_TOP;
  const minAnswers = options.minAnswers ?? 1;
  assertPositiveInteger(limit, 'limit', 0);
  assertPositiveInteger(minAnswers, 'minAnswers', 1);
  const counts = new Map<string, number>();
  for (const keys of perAnswer) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= minAnswers)
    .sort(([a, na], [b, nb]) => nb - na || alphabetical(a, b))
    .slice(0, limit)
    .map(([key, n]) => ({ key, n }));
}

/** Most frequent terms; n = answers containing the term. */
export function topTerms(texts: readonly string[], options: RankOptions = {}): TermCount[] {
  return rank(texts.map(termsOf), options).map(({ key, n }) => ({ term: key, n }));
}

/** Most frequent two-word phrases; n = answers containing the phrase. */
export function topPhrases(texts: readonly string[], options: RankOptions = {}): PhraseCount[] {
  return rank(texts.map(phrasesOf), options).map(({ key, n }) => ({ phrase: key, n }));
}

function lookup(termOrPhrase: string): string {
  return termOrPhrase.normalize('NFC').toLowerCase();
}

/** Whether an answer contains a term ("battery") or a phrase ("battery life"), as analysed above. */
export function mentions(text: string, termOrPhrase: string): boolean {
  const wanted = lookup(termOrPhrase);
  return wanted.includes(' ') ? phrasesOf(text).has(wanted) : termsOf(text).has(wanted);
}

/** Cuts a text to at most `maxLength` characters (code points), at a word boundary when there is one, adding "…". */
export function truncate(text: string, maxLength: number): string {
  assertPositiveInteger(maxLength, 'maxLength', 2);
  const chars = [...text];
  if (chars.length <= maxLength) return text;
  const head = chars.slice(0, maxLength - 1).join('');
  const wholeWords = /\s/u.test(chars[maxLength - 1]) ? head : head.slice(0, Math.max(0, head.search(/\s\S*$/u)));
  return `${(wholeWords.trim() === '' ? head : wholeWords).trimEnd()}…`;
}

const wordCount = (text: string): number => tokenize(text).length;

/** One quote per term (or phrase), in order, masked, each from a different answer. */
export function representativeQuotes(answers: readonly Answer[], terms: readonly string[], options: QuoteOptions = {}): Quote[] {
  const limit = options.limit ?? DEFAULT_QUOTES;
  const maxLength = options.maxLength ?? DEFAULT_QUOTE_LENGTH;
  assertPositiveInteger(limit, 'limit', 0);
  assertPositiveInteger(maxLength, 'maxLength', 2);
  const candidates = answers
    .map((a) => {
      const text = maskPii(a.text.normalize('NFC')).trim();
      const keys = new Set([...termsOf(text), ...phrasesOf(text)]);
      return { pseudonym: a.pseudonym, text, keys, short: wordCount(text) < MIN_QUOTE_WORDS, length: [...text].length };
    })
    .filter((c) => c.text !== '')
    .sort(
      (a, b) =>
        Number(a.short) - Number(b.short) || a.length - b.length || alphabetical(a.pseudonym, b.pseudonym) || alphabetical(a.text, b.text),
    );
  const quoted = new Set<string>();
  const quotes: Quote[] = [];
  for (const term of terms) {
    if (quotes.length >= limit) break;
    const wanted = lookup(term);
    const pick = candidates.find((c) => !quoted.has(c.text.toLowerCase()) && c.keys.has(wanted));
    if (pick === undefined) continue;
    quoted.add(pick.text.toLowerCase());
    quotes.push({ pseudonym: pick.pseudonym, text: truncate(pick.text, maxLength) });
  }
  return quotes;
}

export interface TextInsights {
  terms: TermCount[];
  phrases: PhraseCount[];
  quotes: Quote[];
}

/** Terms, phrases and quotes of a text question: quotes illustrate the top terms. */
export function analyseAnswers(
  answers: readonly Answer[],
  options: { top?: number; quotes?: number; minAnswers?: number } = {},
): TextInsights {
  const texts = answers.map((a) => a.text);
  const rankOptions = { limit: options.top ?? DEFAULT_TOP, minAnswers: options.minAnswers ?? 1 };
  const terms = topTerms(texts, rankOptions);
  return {
    terms,
    phrases: topPhrases(texts, rankOptions),
    quotes: representativeQuotes(
      answers,
      terms.map((t) => t.term),
      { limit: options.quotes ?? DEFAULT_QUOTES },
    ),
  };
}
