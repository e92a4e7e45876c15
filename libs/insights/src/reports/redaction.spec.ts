import { reportFixture } from './render/fixture';
import { ERASED_TEXT, redactReport, type ErasedAuthorship } from './redaction';
import type { ReportContent } from './report-content';

const erased = (e: Partial<Record<keyof ErasedAuthorship, string[]>>): ErasedAuthorship => ({
  pseudonyms: new Set(e.pseudonyms ?? []),
  postIds: new Set(e.postIds ?? []),
  feedbackIds: new Set(e.feedbackIds ?? []),
});

const quotesOf = (c: ReportContent) => c.surveys.flatMap((s) => s.questions.flatMap((q) => q.quotes ?? []));

describe('redactReport', () => {
  it("replaces an erased panellist's survey quotes, code quotes, ideas and feedback titles, and keeps every count", () => {
    const before = reportFixture();
    const after = redactReport(before, erased({ pseudonyms: ['P-07', 'P-03'], postIds: ['p-1'], feedbackIds: ['f-1'] }))!;
    expect(after).not.toBeNull();
    expect(quotesOf(after)).toEqual(quotesOf(before).map((q) => (q.pseudonym === 'P-07' ? { pseudonym: 'P-07', text: ERASED_TEXT } : q)));
    expect(after.discussions.codes[0].quotes).toEqual([{ pseudonym: 'P-03', text: ERASED_TEXT }]);
    expect(after.discussions.topIdeas.map((i) => i.text)).toEqual([ERASED_TEXT, 'A dishwasher-safe lid.']);
    expect(after.discussions.topIdeas.map((i) => i.likes)).toEqual([14, 9]);
    expect(after.feedback.top.map((f) => [f.title, f.meToo])).toEqual([
      [ERASED_TEXT, 8],
      ['Timer visible from across the room', 5],
    ]);
    // the figures are the same figures
    const strip = (c: ReportContent) => JSON.stringify(c, (k, v: unknown) => (k === 'text' || k === 'title' ? undefined : v));
    expect(strip(after)).toBe(strip(before));
    expect(JSON.stringify(after)).not.toContain('It is too loud');
    expect(JSON.stringify(after)).not.toContain('jet engine');
    expect(JSON.stringify(after)).not.toContain('A quiet mode');
    expect(JSON.stringify(after)).not.toContain('Lid sensor fails');
  });

  it('redacts an idea by its author’s pseudonym too', () => {
    const after = redactReport(reportFixture(), erased({ pseudonyms: ['P-05'] }))!;
    expect(after.discussions.topIdeas.map((i) => i.text)).toEqual([expect.stringContaining('A quiet mode'), ERASED_TEXT]);
  });

  it('does not modify its input, and a second pass changes nothing more (null)', () => {
    const before = reportFixture();
    const copy = JSON.parse(JSON.stringify(before)) as ReportContent;
    const who = erased({ pseudonyms: ['P-07'], postIds: ['p-2'], feedbackIds: ['f-2'] });
    const once = redactReport(before, who)!;
    expect(before).toEqual(copy);
    expect(redactReport(once, who)).toBeNull();
  });

  it('is null when nobody in the report was erased', () => {
    expect(redactReport(reportFixture(), erased({ pseudonyms: ['P-99'], postIds: ['p-9'], feedbackIds: ['f-9'] }))).toBeNull();
    expect(redactReport(reportFixture(), erased({}))).toBeNull();
  });
});
