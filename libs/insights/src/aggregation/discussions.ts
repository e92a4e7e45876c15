/**
 * Discussion figures of a report: participation per round, code frequencies with quotes,
 * top ideas by likes (docs/domain.md "Insights"; docs/http-contract.md "Report JSON").
 *
 * Decisions:
 * - A post counts when participants can see it: hiding a post hides its thread, as the
 *   discussions context shows it.
 * - Only panellists' posts count as participation, quotes and ideas: researchers moderate,
 *   they do not participate. A code's n counts every visible post carrying it.
 * - Posts of erased panellists are never quoted (their text is gone) but still count.
 */
import { maskPii, truncate } from '../domain';
import type { ReportContent } from '../reports/report-content';
import { count, QUOTE_MAX_LENGTH, type Pseudonyms, type Query } from './db';

export const QUOTES_PER_CODE = 3;
export const TOP_IDEAS = 5;

/** Posts visible to participants: not hidden, not under a hidden parent. */
const VISIBLE_POSTS = `
  SELECT v.id, v.round_id, v.author_user_id, v.author_role, v.kind, v.body, v.likes_count, v.idea_status, v.created_at,
         (v.author_role = 'panellist' AND NOT EXISTS (SELECT 1 FROM panellists e WHERE e.id = v.author_user_id AND e.status = 'erased')) AS quotable
    FROM discussion_posts v
    LEFT JOIN discussion_posts parent ON parent.id = v.parent_id
   WHERE v.round_id IN (SELECT id FROM discussion_rounds WHERE study_id = $1)
     AND NOT v.hidden AND (parent.id IS NULL OR NOT parent.hidden)`;

function verbatim(text: string): string {
  return truncate(maskPii(text.normalize('NFC')).trim(), QUOTE_MAX_LENGTH);
}

export async function discussionFigures(
  db: Query,
  pseudonyms: Pseudonyms,
  studyId: string,
  enrolled: number,
): Promise<ReportContent['discussions']> {
  const rounds = await db<{ id: string; title: string; posts: number; participants: number }>(
    `WITH visible AS (${VISIBLE_POSTS})
     SELECT r.id, r.title,
            (count(v.id) FILTER (WHERE v.author_role = 'panellist'))::int AS posts,
            (count(DISTINCT v.author_user_id) FILTER (WHERE v.author_role = 'panellist'))::int AS participants
       FROM discussion_rounds r LEFT JOIN visible v ON v.round_id = r.id
      WHERE r.study_id = $1
      GROUP BY r.id
      ORDER BY r.opens_at, r.id`,
    [studyId],
  );
  const codes = await db<{ id: string; name: string; n: number }>(
    `WITH visible AS (${VISIBLE_POSTS})
     SELECT c.id, c.name, count(v.id)::int AS n
       FROM discussion_codes c
       LEFT JOIN discussion_post_codes pc ON pc.code_id = c.id
       LEFT JOIN visible v ON v.id = pc.post_id
      WHERE c.study_id = $1
      GROUP BY c.id
      ORDER BY n DESC, c.name, c.id`,
    [studyId],
  );
  const codeQuotes = await db<{ code_id: string; author: string; body: string }>(
    `WITH visible AS (${VISIBLE_POSTS})
     SELECT code_id, author, body
       FROM (SELECT pc.code_id, v.author_user_id AS author, v.body,
                    row_number() OVER (PARTITION BY pc.code_id ORDER BY v.likes_count DESC, v.created_at, v.id) AS rank
               FROM discussion_post_codes pc
               JOIN visible v ON v.id = pc.post_id
              WHERE v.quotable) q
      WHERE rank <= $2
      ORDER BY code_id, rank`,
    [studyId, QUOTES_PER_CODE],
  );
  const ideas = await db<{ id: string; author: string; body: string; likes: number; status: string | null }>(
    `WITH visible AS (${VISIBLE_POSTS})
     SELECT id, author_user_id AS author, body, likes_count AS likes, idea_status AS status
       FROM visible WHERE kind = 'idea' AND quotable
      ORDER BY likes_count DESC, created_at, id
      LIMIT $2`,
    [studyId, TOP_IDEAS],
  );
  const names = await pseudonyms([...codeQuotes.map((q) => q.author), ...ideas.map((i) => i.author)]);
  const quotesByCode = new Map<string, Array<{ pseudonym: string; text: string }>>();
  for (const q of codeQuotes) {
    const pseudonym = names.get(q.author);
    const text = verbatim(q.body);
    if (pseudonym === undefined || text === '') continue;
    const list = quotesByCode.get(q.code_id) ?? [];
    list.push({ pseudonym, text });
    quotesByCode.set(q.code_id, list);
  }
  return {
    rounds: rounds.map((r) => {
      const participants = count(r.participants);
      return {
        roundId: r.id,
        title: r.title,
        posts: count(r.posts),
        participants,
        ...(enrolled > 0 ? { participationRate: (100 * participants) / enrolled } : {}),
      };
    }),
    codes: codes.map((c) => ({ codeId: c.id, name: c.name, n: count(c.n), quotes: quotesByCode.get(c.id) ?? [] })),
    topIdeas: ideas.flatMap((i) => {
      const pseudonym = names.get(i.author);
      return pseudonym === undefined
        ? []
        : [{ postId: i.id, pseudonym, text: verbatim(i.body), likes: count(i.likes), status: i.status ?? 'new' }];
    }),
  };
}
