/**
 * The words the HTML report shows for the codes in its content (a brand reads "Non-binary",
 * "In field" and "Under review", never `non_binary`, `in_field` or `under_review`). English,
 * like the rest of the report. Each map is typed by its context's vocabulary, so a new code
 * fails to compile here until it has its word; an unknown value (a report stored before a
 * code was renamed) is shown humanised rather than raw.
 */
import type { IdeaStatus } from '@leadpanel/discussions';
import type { FeedbackKind, FeedbackSeverity, FeedbackStatus } from '@leadpanel/feedback';
import type { Gender, Tier } from '@leadpanel/platform';
import type { StudyStatus } from '@leadpanel/studies';

const STUDY_STATUS: Record<StudyStatus, string> = {
  draft: 'Draft',
  recruiting: 'Recruiting',
  in_field: 'In field',
  analysing: 'Analysing',
  closed: 'Closed',
};

const GENDER: Record<Gender, string> = {
  female: 'Women',
  male: 'Men',
  non_binary: 'Non-binary',
  other: 'Other',
  prefer_not_to_say: 'Prefer not to say',
};

const TIER: Record<Tier, string> = {
  lead_user: 'Lead users',
  emerging: 'Emerging',
  mainstream: 'Mainstream',
};

const IDEA_STATUS: Record<IdeaStatus, string> = {
  new: 'New',
  under_review: 'Under review',
  selected: 'Selected',
  declined: 'Declined',
};

const FEEDBACK_KIND: Record<FeedbackKind, string> = {
  bug: 'Bug',
  idea: 'Idea',
  praise: 'Praise',
  question: 'Question',
};

const FEEDBACK_SEVERITY: Record<FeedbackSeverity, string> = {
  blocker: 'Blocker',
  critical: 'Critical',
  major: 'Major',
  minor: 'Minor',
};

const FEEDBACK_STATUS: Record<FeedbackStatus, string> = {
  new: 'New',
  triaged: 'Triaged',
  in_progress: 'In progress',
  resolved: 'Resolved',
  wont_fix: 'Won’t fix',
  duplicate: 'Duplicate',
};

/** The segments of cross-tabs, composition and quota dimensions. */
const DIMENSION: Readonly<Record<string, string>> = {
  country: 'Country',
  gender: 'Gender',
  ageBand: 'Age band',
  tier: 'Tier',
};

const UNKNOWN = 'unknown';
const ATTRIBUTE_PREFIX = 'attribute:';

const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** `home_type` → "Home type": the words of a code, first letter up. */
export function humanise(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.length === 0 ? code : words[0].toUpperCase() + words.slice(1);
}

const wordIn = (words: Readonly<Record<string, string>>, code: string): string =>
  Object.hasOwn(words, code) ? words[code] : humanise(code);

function countryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return humanise(code);
  try {
    return countryNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export const studyStatusLabel = (status: string): string => wordIn(STUDY_STATUS, status);
export const ideaStatusLabel = (status: string): string => wordIn(IDEA_STATUS, status);
export const feedbackKindLabel = (kind: string): string => wordIn(FEEDBACK_KIND, kind);
export const feedbackSeverityLabel = (severity: string): string => wordIn(FEEDBACK_SEVERITY, severity);
export const feedbackStatusLabel = (status: string): string => wordIn(FEEDBACK_STATUS, status);

/** A segment or quota dimension: "Country", "Age band", or an attribute's key as words ("Home type"). */
export function dimensionLabel(dimension: string): string {
  if (dimension.startsWith(ATTRIBUTE_PREFIX)) return humanise(dimension.slice(ATTRIBUTE_PREFIX.length));
  return wordIn(DIMENSION, dimension);
}

/** A value of a segment or quota dimension: a country's name, a gender, a tier, an age band as is. */
export function valueLabel(dimension: string, value: string): string {
  if (value === UNKNOWN) return 'Unknown';
  switch (dimension) {
    case 'country':
      return countryName(value);
    case 'gender':
      return wordIn(GENDER, value);
    case 'tier':
      return wordIn(TIER, value);
    case 'ageBand':
      return value;
    default:
      return dimension.startsWith(ATTRIBUTE_PREFIX) ? humanise(value) : value;
  }
}

/** "1 like", "3 likes". */
export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
