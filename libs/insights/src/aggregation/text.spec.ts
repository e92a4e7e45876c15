import { analyseAnswers } from '../domain';
import { analyseTextStream, type TextAnswerRow, type TextSource } from './text';

/** An in-memory source paged like the SQL one (ids in order); `fetched` records the ids asked for by id. */
function sourceOf(rows: TextAnswerRow[], fetched: string[][] = [], pages: Array<string | null> = []): TextSource {
  const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    scan: (pageSize, onPage) => {
      for (let i = 0; i < sorted.length; i += pageSize) {
        pages.push(i === 0 ? null : sorted[i - 1].id);
        onPage(sorted.slice(i, i + pageSize));
      }
      return Promise.resolve();
    },
    byIds: (ids) => {
      fetched.push([...ids]);
      return Promise.resolve(sorted.filter((r) => ids.includes(r.id)));
    },
  };
}

const names = (pseudonymOf: (id: string) => string) => (ids: readonly string[]) =>
  Promise.resolve(new Map(ids.map((id) => [id, pseudonymOf(id)])));

/** A small deterministic generator, so that the corpus is varied but the same every run. */
function corpus(size: number, seed = 7): TextAnswerRow[] {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const words = [
    'battery',
    'life',
    'great',
    'lid',
    'hot',
    'café',
    'cafe',
    'trop',
    'chaud',
    'the',
    'is',
    'le',
    'couvercle',
    'kettle',
    'boils',
    'fast',
    'noisy',
  ];
  const extras = ['', ' write to ana@example.com', ' call 06 12 34 56 78', ' see https://example.org/x', '.', ', and'];
  return Array.from({ length: size }, (_, i) => {
    const n = 1 + Math.floor(next() * 8);
    const text =
      Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ') + extras[Math.floor(next() * extras.length)];
    return { id: `a${String(i).padStart(5, '0')}`, panellistId: `p${Math.floor(next() * (size / 3 + 1))}`, text };
  });
}

describe('analyseTextStream', () => {
  it.each([
    ['one page', 40, 1_000],
    ['pages of 7', 200, 7],
    ['pages of 1', 60, 1],
  ])('gives exactly what analyseAnswers gives over every answer at once (%s)', async (_label, size, pageSize) => {
    const rows = corpus(size);
    const pseudonymOf = (id: string) => `P-${id.slice(1).padStart(2, '0')}`;
    const streamed = await analyseTextStream(sourceOf(rows), names(pseudonymOf), pageSize);
    const whole = analyseAnswers(rows.map((r) => ({ pseudonym: pseudonymOf(r.panellistId), text: r.text })));
    expect(streamed).toEqual(whole);
  });

  it('keeps enough candidates when the best quotes of several terms are the same answers', async () => {
    // every answer holds both terms; the greedy pick must still find a second, different answer
    const rows: TextAnswerRow[] = [
      { id: 'a1', panellistId: 'x', text: 'battery life matters' },
      { id: 'a2', panellistId: 'y', text: 'Battery life matters' },
      { id: 'a3', panellistId: 'z', text: 'the battery life really matters a lot' },
    ];
    const streamed = await analyseTextStream(
      sourceOf(rows),
      names((id) => `P-${id}`),
      1,
    );
    expect(streamed).toEqual(analyseAnswers(rows.map((r) => ({ pseudonym: `P-${r.panellistId}`, text: r.text }))));
    expect(streamed.quotes.map((q) => q.text)).toEqual(['battery life matters', 'the battery life really matters a lot']);
  });

  it('masks contact details in quotes, reads the pages once and fetches only the quotable answers', async () => {
    const rows: TextAnswerRow[] = [
      { id: 'a1', panellistId: 'x', text: 'Great kettle, mail me at ana@example.com or call +33 6 12 34 56 78' },
      { id: 'a2', panellistId: 'y', text: 'the and of' },
      { id: 'a3', panellistId: 'z', text: 'A great kettle indeed, really great, said at length by someone who writes a lot' },
    ];
    const fetched: string[][] = [];
    const pages: Array<string | null> = [];
    const out = await analyseTextStream(
      sourceOf(rows, fetched, pages),
      names((id) => `P-${id}`),
      2,
    );
    expect(out.quotes).toEqual([
      { pseudonym: 'P-x', text: 'Great kettle, mail me at [email] or call [phone]' },
      { pseudonym: 'P-z', text: 'A great kettle indeed, really great, said at length by someone who writes a lot' },
    ]);
    expect(pages).toEqual([null, 'a2']); // a3 alone on the second page
    expect(fetched).toEqual([['a1', 'a3']]);
  });

  it('fetches more answers when the first ones repeat the same text', async () => {
    const same = (id: string, p: string): TextAnswerRow => ({ id, panellistId: p, text: 'Battery life matters' });
    const rows: TextAnswerRow[] = [
      ...['a1', 'a2', 'a3', 'a4'].map((id, i) => same(id, `p${i}`)),
      { id: 'a5', panellistId: 'p9', text: 'The battery life really matters to me' },
    ];
    const fetched: string[][] = [];
    const out = await analyseTextStream(
      sourceOf(rows, fetched),
      names((id) => `P-${id}`),
      100,
    );
    expect(out).toEqual(analyseAnswers(rows.map((r) => ({ pseudonym: `P-${r.panellistId}`, text: r.text }))));
    expect(out.quotes).toHaveLength(2);
    expect(fetched.length).toBeGreaterThan(1);
  });

  it('has no quotes and asks for no pseudonym when no answer holds a term', async () => {
    const asked: string[][] = [];
    const out = await analyseTextStream(
      sourceOf([{ id: 'a1', panellistId: 'x', text: 'the and of' }]),
      (ids) => {
        asked.push([...ids]);
        return Promise.resolve(new Map());
      },
      10,
    );
    expect(out).toEqual({ terms: [], phrases: [], quotes: [] });
    expect(asked).toEqual([]);
  });
});
