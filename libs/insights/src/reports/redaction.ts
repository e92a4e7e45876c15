import type { ReportContent } from './report-content';

/** What replaces an erased panellist's words in a stored report. */
export const ERASED_TEXT = '[erased]';

/**
 * Who in one study has been erased, as a stored report can recognise them: their study
 * pseudonyms (survey quotes and code quotes), the discussion posts they wrote (top ideas)
 * and the feedback items they filed (top feedback).
 */
export interface ErasedAuthorship {
  pseudonyms: ReadonlySet<string>;
  postIds: ReadonlySet<string>;
  feedbackIds: ReadonlySet<string>;
}

export const isEmptyAuthorship = (e: ErasedAuthorship): boolean => e.pseudonyms.size + e.postIds.size + e.feedbackIds.size === 0;

/**
 * A report's content with every verbatim of an erased panellist replaced by `[erased]`
 * (survey quotes, code quotes, top ideas' text, top feedback titles); everything else —
 * pseudonyms, counts, likes, the number of quotes — stays, so the figures remain true.
 * Null when nothing is to change (already redacted, or no erased author in it): applying
 * it again changes nothing more. Pure; the input is not modified.
 */
export function redactReport(content: ReportContent, erased: ErasedAuthorship): ReportContent | null {
  let changed = false;
  const text = <T extends { text: string }>(item: T, isErased: boolean): T => {
    if (!isErased || item.text === ERASED_TEXT) return item;
    changed = true;
    return { ...item, text: ERASED_TEXT };
  };
  const quote = <T extends { pseudonym: string; text: string }>(q: T): T => text(q, erased.pseudonyms.has(q.pseudonym));

  const surveys = content.surveys.map((s) => ({
    ...s,
    questions: s.questions.map((q) => (q.quotes ? { ...q, quotes: q.quotes.map(quote) } : q)),
  }));
  const codes = content.discussions.codes.map((c) => ({ ...c, quotes: c.quotes.map(quote) }));
  const topIdeas = content.discussions.topIdeas.map((i) => text(i, erased.postIds.has(i.postId) || erased.pseudonyms.has(i.pseudonym)));
  const top = content.feedback.top.map((f) => {
    if (!erased.feedbackIds.has(f.id) || f.title === ERASED_TEXT) return f;
    changed = true;
    return { ...f, title: ERASED_TEXT };
  });
  if (!changed) return null;
  return { ...content, surveys, discussions: { ...content.discussions, codes, topIdeas }, feedback: { ...content.feedback, top } };
}
