/**
 * Open-text questions of a report: top terms, two-word phrases and representative quotes
 * (docs/domain.md "Insights"), computed while streaming the answers page by page: a question
 * with 10,000+ answers never sits in memory as texts.
 *
 * The result is exactly what `analyseAnswers` gives over all the answers at once (text.spec.ts
 * checks it). The pass over the pages keeps of each answer only what quote selection needs,
 * never its text. Quote selection only ever reaches a prefix of each top term's answers (in
 * its order: short last, then shorter first), so only those texts are fetched back by id,
 * usually in one small query.
 *
 * The cursor's read-only transaction holds nothing else: no pseudonym look-up happens inside.
 */
import {
  alphabetical,
  DEFAULT_QUOTES,
  DEFAULT_TOP,
  isTerm,
  maskPii,
  MIN_QUOTE_WORDS,
  representativeQuotes,
  tokenizeSegments,
  type PhraseCount,
  type Quote,
  type TermCount,
} from '../domain';
import type { Cursor, Pseudonyms, Query } from './db';

export const TEXT_PAGE_SIZE = 2_000;

export interface TextAnswerRow {
  /** a key that orders the answers (keyset paging) */
  id: string;
  panellistId: string;
  text: string;
}

/** Where the answers of one question come from: all of them page by page, and some by id. */
export interface TextSource {
  /** calls `onPage` with every answer, `pageSize` (or fewer, at the end) at a time */
  scan(pageSize: number, onPage: (rows: ReadonlyArray<Pick<TextAnswerRow, 'id' | 'text'>>) => void): Promise<void>;
  byIds(ids: readonly string[]): Promise<TextAnswerRow[]>;
}

export interface TextFigures {
  terms: TermCount[];
  phrases: PhraseCount[];
  quotes: Quote[];
}

/** What the pass keeps of an answer for quote selection (no text). */
interface AnswerFacts {
  id: string;
  short: boolean;
  length: number;
  terms: readonly string[];
}

function add(into: Map<string, number>, key: string, n = 1): void {
  into.set(key, (into.get(key) ?? 0) + n);
}

function ranked(counts: ReadonlyMap<string, number>, limit: number): Array<{ key: string; n: number }> {
  return [...counts]
    .sort(([a, na], [b, nb]) => nb - na || alphabetical(a, b))
    .slice(0, limit)
    .map(([key, n]) => ({ key, n }));
}

/** The masked, NFC, trimmed text a quote would show. */
function quotable(text: string): string {
  return maskPii(text.normalize('NFC')).trim();
}

const byShortThenLength = (a: AnswerFacts, b: AnswerFacts): number => Number(a.short) - Number(b.short) || a.length - b.length;

/** Counts terms and phrases page after page, keeping per answer only what quote selection needs. */
export class TextAnalysis {
  private readonly terms = new Map<string, number>();
  private readonly phrases = new Map<string, number>();
  private readonly answers: AnswerFacts[] = [];
  /** one string per distinct term, shared by every answer holding it */
  private readonly interned = new Map<string, string>();

  add(rows: ReadonlyArray<Pick<TextAnswerRow, 'id' | 'text'>>): void {
    for (const row of rows) {
      const text = quotable(row.text);
      if (text === '') continue;
      const termsHere = new Set<string>();
      const phrasesHere = new Set<string>();
      let words = 0;
      for (const tokens of tokenizeSegments(text)) {
        words += tokens.length;
        tokens.forEach((a, i) => {
          if (!isTerm(a)) return;
          termsHere.add(a);
          const b = tokens[i + 1];
          if (b !== undefined && b !== a && isTerm(b)) phrasesHere.add(`${a} ${b}`);
        });
      }
      for (const term of termsHere) add(this.terms, term);
      for (const phrase of phrasesHere) add(this.phrases, phrase);
      const terms = [...termsHere].map((t) => this.interned.get(t) ?? (this.interned.set(t, t), t));
      this.answers.push({ id: row.id, short: words < MIN_QUOTE_WORDS, length: [...text].length, terms });
    }
  }

  top(limit: number = DEFAULT_TOP): { terms: TermCount[]; phrases: PhraseCount[] } {
    return {
      terms: ranked(this.terms, limit).map(({ key, n }) => ({ term: key, n })),
      phrases: ranked(this.phrases, limit).map(({ key, n }) => ({ phrase: key, n })),
    };
  }

  /** Quotes of the top terms (see the header): fetches only the answers that can be chosen. */
  async quotes(
    terms: readonly string[],
    fetch: (ids: readonly string[]) => Promise<TextAnswerRow[]>,
    pseudonyms: Pseudonyms,
    limit: number = DEFAULT_QUOTES,
  ): Promise<Quote[]> {
    if (terms.length === 0) return [];
    const want = terms.length;
    const lists = terms.map((term) => this.answers.filter((a) => a.terms.includes(term)).sort(byShortThenLength));
    const cuts = lists.map(() => 0);
    const fetched = new Map<string, { panellistId: string; lower: string; text: string }>();
    for (;;) {
      const missing: string[] = [];
      lists.forEach((list, t) => {
        const distinct = new Set(
          list
            .slice(0, cuts[t])
            .map((a) => fetched.get(a.id)?.lower ?? '')
            .filter((x) => x !== ''),
        );
        if (distinct.size >= want || cuts[t] >= list.length) return;
        let cut = Math.min(list.length, cuts[t] + want);
        while (cut < list.length && byShortThenLength(list[cut], list[cut - 1]) === 0) cut++;
        for (const a of list.slice(cuts[t], cut)) if (!fetched.has(a.id)) missing.push(a.id);
        cuts[t] = cut;
      });
      if (missing.length === 0) break;
      const ids = [...new Set(missing)];
      const rows = new Map((await fetch(ids)).map((r) => [r.id, r]));
      for (const id of ids) {
        const row = rows.get(id);
        const text = row === undefined ? '' : quotable(row.text);
        // an answer gone (or erased) since the pass can never be quoted
        fetched.set(id, { panellistId: row?.panellistId ?? '', lower: text.toLowerCase(), text });
      }
    }
    const chosen = new Map<string, { panellistId: string; text: string }>();
    lists.forEach((list, t) => {
      for (const a of list.slice(0, cuts[t])) {
        const f = fetched.get(a.id);
        if (f && f.text !== '') chosen.set(a.id, f);
      }
    });
    const names = await pseudonyms([...new Set([...chosen.values()].map((c) => c.panellistId))]);
    const answers = [...chosen.values()].flatMap((c) => {
      const pseudonym = names.get(c.panellistId);
      return pseudonym === undefined ? [] : [{ pseudonym, text: c.text }];
    });
    return representativeQuotes(answers, terms, { limit });
  }
}

/** Terms, phrases and quotes of the answers of `source` (one pass, then a fetch of the few quotable ones). */
export async function analyseTextStream(source: TextSource, pseudonyms: Pseudonyms, pageSize = TEXT_PAGE_SIZE): Promise<TextFigures> {
  const analysis = new TextAnalysis();
  await source.scan(pageSize, (rows) => analysis.add(rows));
  const { terms, phrases } = analysis.top();
  const quotes = await analysis.quotes(
    terms.map((t) => t.term),
    (ids) => source.byIds(ids),
    pseudonyms,
  );
  return { terms, phrases, quotes };
}

/** The submitted, non-empty answers of one text question: scanned with a cursor, or by ids. */
export function surveyTextSource(db: Query, cursor: Cursor, ids: { studyId: string; surveyId: string; questionId: string }): TextSource {
  const where = `x.survey_id = $1 AND x.study_id = $2 AND x.question_id = $3 AND x.submitted AND x.text_value <> ''`;
  const params = [ids.surveyId, ids.studyId, ids.questionId];
  return {
    scan: (pageSize, onPage) =>
      cursor<{ id: string; text_value: string }>(
        `SELECT x.id, x.text_value FROM survey_answers x WHERE ${where}`,
        params,
        pageSize,
        (rows) => onPage(rows.map((r) => ({ id: r.id, text: r.text_value }))),
      ),
    byIds: async (answerIds) =>
      (
        await db<{ id: string; panellist_id: string; text_value: string }>(
          `SELECT x.id, a.panellist_id, x.text_value
             FROM survey_answers x JOIN survey_assignments a ON a.id = x.assignment_id
            WHERE ${where} AND x.id = ANY($4::uuid[])`,
          [...params, answerIds],
        )
      ).map((r) => ({ id: r.id, panellistId: r.panellist_id, text: r.text_value })),
  };
}
