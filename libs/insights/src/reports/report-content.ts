/**
 * The Report JSON of docs/http-contract.md ("Report JSON"): what `/reports/:id/report.json` answers and
 * what the HTML and CSV are rendered from. Numbers are unrounded; percentages 0–100;
 * intervals `[low, high]`; a figure that does not apply is absent (never 0 or null).
 * No personal data anywhere: panellists appear by study pseudonym only (`P-07`), and
 * every verbatim is masked (e-mails, phones, links) before it is stored here.
 */
export type Interval = [number, number];

export interface ValueCount {
  value: string;
  n: number;
}

export interface DistributionEntry {
  value: string;
  n: number;
  /** share of the question's respondents, 0–100; absent when n of the question is 0 */
  pct?: number;
}

export interface CrosstabRowContent {
  value: string;
  n: number;
  suppressed: boolean;
  /** numeric questions, when not suppressed */
  mean?: number;
  /** choice questions, when not suppressed */
  distribution?: DistributionEntry[];
}

export interface CrosstabContent {
  segment: 'country' | 'gender' | 'ageBand' | 'tier';
  rows: CrosstabRowContent[];
}

export interface QuestionReport {
  id: string;
  type: string;
  prompt: string;
  /** respondents who answered it */
  n: number;
  distribution?: DistributionEntry[];
  mean?: number;
  median?: number;
  sd?: number;
  ci95?: Interval;
  top2box?: { pct: number; ci95: Interval };
  nps?: { score: number; promoters: number; passives: number; detractors: number; ci95: Interval };
  sus?: { mean: number; sd?: number; ci95?: Interval; grade: string };
  terms?: Array<{ term: string; n: number }>;
  phrases?: Array<{ phrase: string; n: number }>;
  quotes?: Array<{ pseudonym: string; text: string }>;
  crosstabs?: CrosstabContent[];
}

export interface SurveyReport {
  surveyId: string;
  title: string;
  kind: string;
  /** submitted responses */
  respondents: number;
  questions: QuestionReport[];
}

export interface ReportContent {
  studyId: string;
  version: number;
  generatedAt: string;
  minCell: number;
  /** added to the contract: what the report is about (no PII) */
  study: { title: string; theme: string; status: string };
  funnel: { invited: number; accepted: number; declined: number; expired: number; waitlisted: number; enrolled: number; completed: number };
  quotas: Array<{ dimension: string; value: string; target: number; enrolled: number }>;
  composition: { country: ValueCount[]; gender: ValueCount[]; ageBand: ValueCount[]; tier: ValueCount[] };
  surveys: SurveyReport[];
  discussions: {
    rounds: Array<{ roundId: string; title: string; posts: number; participants: number; participationRate?: number }>;
    codes: Array<{ codeId: string; name: string; n: number; quotes: Array<{ pseudonym: string; text: string }> }>;
    topIdeas: Array<{ postId: string; pseudonym: string; text: string; likes: number; status: string }>;
  };
  homeTesting: {
    products: Array<{
      productId: string;
      sku: string;
      name: string;
      allocated: number;
      shipped: number;
      delivered: number;
      returned: number;
      lost: number;
      medianDaysToDelivery?: number;
    }>;
  };
  feedback: {
    byKind: Record<string, number>;
    bySeverity: Record<string, number>;
    byStatus: Record<string, number>;
    top: Array<{ id: string; kind: string; severity?: string; status: string; title: string; meToo: number }>;
  };
}
