import { isBlankText, type FieldError } from '@leadpanel/platform';

/** Discussion rules that need no database: plain functions, unit-tested on their own. */
export const ROUND_MODES = ['open', 'post_first'] as const;
export type RoundMode = (typeof ROUND_MODES)[number];

export const POST_KINDS = ['comment', 'idea'] as const;
export type PostKind = (typeof POST_KINDS)[number];
/** The order of a list of top-level posts: as the discussion happened, or newest first (a moderation queue). */
export const POST_ORDERS = ['oldest', 'newest'] as const;
export type PostOrder = (typeof POST_ORDERS)[number];

export const IDEA_STATUSES = ['new', 'under_review', 'selected', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** Who takes part in a discussion: the study's researchers (moderators) and its enrolled participants. */
export type DiscussionRole = 'researcher' | 'panellist';

export const DISCUSSION_LIMITS = {
  title: 200,
  prompt: 10_000,
  /** a post body, in characters (code points), after trimming */
  body: 10_000,
  /** what the DTO accepts before trimming: room for surrounding white space, still bounded */
  rawBody: 20_000,
  codeName: 100,
  codeDescription: 1_000,
  codesPerPost: 50,
} as const;

/** An author may edit a post for this long after writing it. */
export const EDIT_WINDOW_MS = 15 * 60_000;
/** The post-first reminder goes this long before the round closes. */
export const REMINDER_LEAD_MS = 24 * 3_600_000;

/** Characters as a reader counts them (code points), which is also how PostgreSQL's varchar counts. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export type TextCheck = { ok: true; value: string } | { ok: false; problem: FieldError };

/**
 * Free text as stored: trimmed, then 1–`max` characters. It is stored and returned as
 * plain text, exactly as trimmed (no HTML is ever rendered from it), so nothing else is
 * changed; only the NUL character is refused, as PostgreSQL cannot store it.
 */
export function normalizeText(raw: string, field: string, max: number): TextCheck {
  const value = raw.trim();
  if (isBlankText(value)) return { ok: false, problem: { field, message: `${field} must not be blank` } };
  if (value.includes('\u0000')) return { ok: false, problem: { field, message: `${field} must not contain the NUL character` } };
  const n = charCount(value);
  if (n > max) return { ok: false, problem: { field, message: `${field} must be at most ${max} characters after trimming (it has ${n})` } };
  return { ok: true, value };
}

export interface RoundInput {
  title: string;
  prompt: string;
  opensAt: Date;
  closesAt: Date;
  mode: RoundMode;
}

/** What is wrong with a new round (400), or an empty list: text that says something, and a window that ends after it starts and after now. */
export function roundProblems(input: RoundInput, now: Date): FieldError[] {
  const problems: FieldError[] = [];
  const title = normalizeText(input.title, 'title', DISCUSSION_LIMITS.title);
  if (!title.ok) problems.push(title.problem);
  const prompt = normalizeText(input.prompt, 'prompt', DISCUSSION_LIMITS.prompt);
  if (!prompt.ok) problems.push(prompt.problem);
  if (input.closesAt.getTime() <= input.opensAt.getTime()) {
    problems.push({ field: 'closesAt', message: 'closesAt must be after opensAt' });
  } else if (input.closesAt.getTime() <= now.getTime()) {
    problems.push({ field: 'closesAt', message: 'closesAt must be in the future: a round that is already over takes no posts' });
  }
  return problems;
}

export type RoundState = 'scheduled' | 'open' | 'closed';

/** A round is open from `opensAt` (included) to `closesAt` (excluded). */
export function roundState(round: { opensAt: Date; closesAt: Date }, now: Date): RoundState {
  const t = now.getTime();
  if (t < round.opensAt.getTime()) return 'scheduled';
  if (t < round.closesAt.getTime()) return 'open';
  return 'closed';
}

/**
 * Whether someone may write in a round (post, reply, edit, like) at this moment.
 * Participants only while it is open. Researchers are the moderators: they may post
 * at any time while the round exists (a welcome before it opens, a follow-up question,
 * a closing note), so the window binds participants only.
 */
export function mayWrite(role: DiscussionRole, state: RoundState): boolean {
  return role === 'researcher' || state === 'open';
}

/**
 * The post-first gate. In a `post_first` round a participant reads the others' posts
 * (list, single post, replies) and reacts to them (reply, like) only once they have a
 * top-level post of their own in it; researchers always read. A post of theirs that a
 * researcher later hid still counts: they did post first.
 */
export function readGate(input: { role: DiscussionRole; mode: RoundMode; hasOwnTopLevelPost: boolean }): 'allow' | 'post_first' {
  if (input.role === 'researcher' || input.mode === 'open' || input.hasOwnTopLevelPost) return 'allow';
  return 'post_first';
}

/** An author may edit a post up to (not including) 15 minutes after writing it. */
export function editWindowOpen(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < EDIT_WINDOW_MS;
}

/** Hidden posts vanish for panellists (and so do replies under a hidden post); researchers see everything. */
export function visibleTo(role: DiscussionRole, post: { hidden: boolean }, parent?: { hidden: boolean } | null): boolean {
  return role === 'researcher' || (!post.hidden && !parent?.hidden);
}

export interface ParentCandidate {
  roundId: string;
  parentId: string | null;
  hidden: boolean;
}

/**
 * Why `parent` cannot take a reply in `roundId` (422), or null when it can: it must be a
 * top-level post of the same round (threads are one level deep, as in most focus-group
 * tools: a reply to a reply answers the thread), and a panellist cannot reply to a post
 * they cannot see (hidden).
 */
export function replyParentProblem(role: DiscussionRole, roundId: string, parentId: string, parent: ParentCandidate | null): string | null {
  if (!parent || parent.roundId !== roundId || !visibleTo(role, parent)) return `Post ${parentId} is not a post of this round`;
  if (parent.parentId !== null) return `Post ${parentId} is a reply; reply to the top-level post ${parent.parentId} instead`;
  return null;
}

export interface ModerationInput {
  hidden?: boolean;
  pinned?: boolean;
  ideaStatus?: IdeaStatus;
}

/** PATCH /posts/:id/moderation must change something (400). */
export function moderationProblems(input: ModerationInput): FieldError[] {
  if (input.hidden === undefined && input.pinned === undefined && input.ideaStatus === undefined) {
    return [{ field: 'moderation', message: 'give at least one of hidden, pinned, ideaStatus' }];
  }
  return [];
}

export type ModerationRefusal = { code: 'NOT_AN_IDEA' | 'CANNOT_PIN_REPLY'; message: string };

/** Why a (shape-valid) moderation request does not apply to this post (422), or null: an idea status needs an idea, a pin a top-level post. */
export function moderationRefusal(input: ModerationInput, post: { kind: PostKind; parentId: string | null }): ModerationRefusal | null {
  if (input.ideaStatus !== undefined && post.kind !== 'idea') {
    return { code: 'NOT_AN_IDEA', message: `Only an idea has an idea status; this post is a ${post.kind}` };
  }
  if (input.pinned === true && post.parentId !== null) {
    return { code: 'CANNOT_PIN_REPLY', message: 'Only a top-level post can be pinned' };
  }
  return null;
}

/** The changes a moderation request makes, field by field (what the audit records). */
export function moderationChanges(
  input: ModerationInput,
  post: { hidden: boolean; pinned: boolean; ideaStatus: IdeaStatus | null },
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (input.hidden !== undefined) changes.hidden = { from: post.hidden, to: input.hidden };
  if (input.pinned !== undefined) changes.pinned = { from: post.pinned, to: input.pinned };
  if (input.ideaStatus !== undefined) changes.ideaStatus = { from: post.ideaStatus, to: input.ideaStatus };
  return changes;
}

/**
 * When the post-first reminder goes: 24 h before the round closes, if that moment is
 * still ahead when the round is created and after the round opens. A round of 24 h or
 * less, or one created with 24 h or less to run, gets no reminder: it would land before
 * anyone could post, or together with the "round opened" e-mail.
 */
export function reminderAt(round: { opensAt: Date; closesAt: Date; mode: RoundMode }, now: Date): Date | null {
  if (round.mode !== 'post_first') return null;
  const at = new Date(round.closesAt.getTime() - REMINDER_LEAD_MS);
  if (at.getTime() <= now.getTime() || at.getTime() <= round.opensAt.getTime()) return null;
  return at;
}

/** The code ids of PUT /posts/:id/codes, lower-cased and each once, or the fields that name no code of the study (400). */
export function codeIdsCheck(codeIds: string[], studyCodeIds: ReadonlySet<string>): { ids: string[]; problems: FieldError[] } {
  const ids: string[] = [];
  const problems: FieldError[] = [];
  codeIds.forEach((raw, i) => {
    const id = raw.toLowerCase();
    if (!studyCodeIds.has(id)) problems.push({ field: `codeIds[${i}]`, message: `${raw} is not a code of this study` });
    else if (!ids.includes(id)) ids.push(id);
  });
  return { ids, problems };
}

/** The key that makes code names unique per study, whatever their case and spacing ("Price  concern" = "price concern"). */
export function codeNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Times in e-mails: one form for every reader, e.g. `2026-12-10 18:00 UTC`. */
export function mailTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
