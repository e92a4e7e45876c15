import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNT_DOC, DATE_TIME_DOC, UUID_DOC } from '@leadpanel/platform';
import { SUS_GRADES } from '../../domain/statistics';
import { QUOTE_MAX_LENGTH } from '../../aggregation/db';
import { SEGMENTS } from '../../aggregation/segments';

/**
 * The Report JSON of docs/http-contract.md ("Report JSON") for the OpenAPI document, field for field the
 * ReportContent the aggregator stores and GET /reports/:id/report.json answers. A figure that
 * does not apply is absent (an optional property), never null.
 */

/** an unrounded statistic: a mean, a median, an interval bound (no range of its own) */
const REAL = { type: 'number', minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE } as const;
const PCT = { type: 'number', minimum: 0, maximum: 100 } as const;
/** `[low, high]` */
const INTERVAL = { type: 'array', items: REAL, minItems: 2, maxItems: 2, description: '[low, high]' } as const;
/** a text answer's words: as long as the longest text answer */
const TEXT_MAX = 10_000;
/** a value of a question or a segment (option value, country, attribute value…) */
const VALUE = { maxLength: 500 } as const;
const CODE = { maxLength: 30 } as const;

export class ValueCountDto {
  @ApiProperty(VALUE) value: string;
  @ApiProperty(COUNT_DOC) n: number;
}

export class DistributionEntryDto {
  @ApiProperty(VALUE) value: string;
  @ApiProperty(COUNT_DOC) n: number;
  @ApiPropertyOptional({ ...PCT, description: 'share of the question’s respondents; absent when the question has none' }) pct?: number;
}

export class CrosstabRowDto {
  @ApiProperty(VALUE) value: string;
  @ApiProperty(COUNT_DOC) n: number;
  @ApiProperty({ description: 'n below minCell: no figures' }) suppressed: boolean;
  @ApiPropertyOptional({ ...REAL, description: 'numeric questions, when not suppressed' }) mean?: number;
  @ApiPropertyOptional({ type: [DistributionEntryDto], maxItems: 1000, description: 'choice questions, when not suppressed' })
  distribution?: DistributionEntryDto[];
}

export class CrosstabDto {
  @ApiProperty({ enum: SEGMENTS }) segment: (typeof SEGMENTS)[number];
  @ApiProperty({ type: [CrosstabRowDto], maxItems: 1000 }) rows: CrosstabRowDto[];
}

export class Top2BoxDto {
  @ApiProperty(PCT) pct: number;
  @ApiProperty(INTERVAL) ci95: number[];
}

export class NpsDto {
  @ApiProperty({ type: 'number', minimum: -100, maximum: 100 }) score: number;
  @ApiProperty({ ...PCT, description: '% of n' }) promoters: number;
  @ApiProperty({ ...PCT, description: '% of n' }) passives: number;
  @ApiProperty({ ...PCT, description: '% of n' }) detractors: number;
  @ApiProperty(INTERVAL) ci95: number[];
}

export class SusDto {
  @ApiProperty(PCT) mean: number;
  @ApiPropertyOptional({ type: 'number', minimum: 0, maximum: 100 }) sd?: number;
  @ApiPropertyOptional(INTERVAL) ci95?: number[];
  @ApiProperty({ enum: SUS_GRADES, description: 'Sauro–Lewis curved scale' }) grade: string;
}

export class TermCountDto {
  @ApiProperty({ maxLength: TEXT_MAX }) term: string;
  @ApiProperty(COUNT_DOC) n: number;
}

export class PhraseCountDto {
  @ApiProperty({ maxLength: TEXT_MAX }) phrase: string;
  @ApiProperty(COUNT_DOC) n: number;
}

export class QuoteDto {
  @ApiProperty({ maxLength: 20, description: 'study pseudonym (P-07)' }) pseudonym: string;
  @ApiProperty({ maxLength: TEXT_MAX, description: 'masked verbatim' }) text: string;
}

export class QuestionReportDto {
  @ApiProperty({ maxLength: 64 }) id: string;
  @ApiProperty({ maxLength: 30, description: 'the question type' }) type: string;
  @ApiProperty({ maxLength: 2000 }) prompt: string;
  @ApiProperty({ ...COUNT_DOC, description: 'respondents who answered it' }) n: number;
  @ApiPropertyOptional({ type: [DistributionEntryDto], maxItems: 1000, description: 'closed questions' })
  distribution?: DistributionEntryDto[];
  @ApiPropertyOptional({ ...REAL, description: 'numeric scales' }) mean?: number;
  @ApiPropertyOptional(REAL) median?: number;
  @ApiPropertyOptional({ ...REAL, minimum: 0 }) sd?: number;
  @ApiPropertyOptional({ ...INTERVAL, description: 'Student’s t with n−1 degrees of freedom' }) ci95?: number[];
  @ApiPropertyOptional({ type: Top2BoxDto, description: 'likert (top 2 points), rating (9–10)' }) top2box?: Top2BoxDto;
  @ApiPropertyOptional({ type: NpsDto }) nps?: NpsDto;
  @ApiPropertyOptional({ type: SusDto }) sus?: SusDto;
  @ApiPropertyOptional({ type: [TermCountDto], maxItems: 1000, description: 'text questions' }) terms?: TermCountDto[];
  @ApiPropertyOptional({ type: [PhraseCountDto], maxItems: 1000, description: 'text questions' }) phrases?: PhraseCountDto[];
  @ApiPropertyOptional({ type: [QuoteDto], maxItems: 1000, description: 'text questions' }) quotes?: QuoteDto[];
  @ApiPropertyOptional({ type: [CrosstabDto], maxItems: SEGMENTS.length }) crosstabs?: CrosstabDto[];
}

export class SurveyReportDto {
  @ApiProperty(UUID_DOC) surveyId: string;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty({ maxLength: 30, description: 'the survey kind' }) kind: string;
  @ApiProperty({ ...COUNT_DOC, description: 'submitted responses' }) respondents: number;
  @ApiProperty({ type: [QuestionReportDto], maxItems: 200 }) questions: QuestionReportDto[];
}

export class ReportStudyDto {
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty({ maxLength: 200 }) theme: string;
  @ApiProperty({ maxLength: 30, description: 'the study status when the report was generated' }) status: string;
}

export class FunnelDto {
  @ApiProperty(COUNT_DOC) invited: number;
  @ApiProperty(COUNT_DOC) accepted: number;
  @ApiProperty(COUNT_DOC) declined: number;
  @ApiProperty(COUNT_DOC) expired: number;
  @ApiProperty(COUNT_DOC) waitlisted: number;
  @ApiProperty({ ...COUNT_DOC, description: 'accepted and enrolled' }) enrolled: number;
  @ApiProperty({ ...COUNT_DOC, description: 'enrolled participants who submitted every survey assigned to them' }) completed: number;
}

export class QuotaFillDto {
  @ApiProperty({ maxLength: 100 }) dimension: string;
  @ApiProperty({ maxLength: 100 }) value: string;
  @ApiProperty(COUNT_DOC) target: number;
  @ApiProperty(COUNT_DOC) enrolled: number;
}

export class CompositionDto {
  @ApiProperty({ type: [ValueCountDto], maxItems: 1000 }) country: ValueCountDto[];
  @ApiProperty({ type: [ValueCountDto], maxItems: 1000 }) gender: ValueCountDto[];
  @ApiProperty({ type: [ValueCountDto], maxItems: 1000 }) ageBand: ValueCountDto[];
  @ApiProperty({ type: [ValueCountDto], maxItems: 1000 }) tier: ValueCountDto[];
}

export class RoundSummaryDto {
  @ApiProperty(UUID_DOC) roundId: string;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty(COUNT_DOC) posts: number;
  @ApiProperty(COUNT_DOC) participants: number;
  @ApiPropertyOptional({ ...PCT, description: 'absent when the study has no participants' }) participationRate?: number;
}

export class CodeQuoteDto {
  @ApiProperty({ maxLength: 20 }) pseudonym: string;
  @ApiProperty({ maxLength: QUOTE_MAX_LENGTH }) text: string;
}

export class CodeSummaryDto {
  @ApiProperty(UUID_DOC) codeId: string;
  @ApiProperty({ maxLength: 100 }) name: string;
  @ApiProperty(COUNT_DOC) n: number;
  @ApiProperty({ type: [CodeQuoteDto], maxItems: 100 }) quotes: CodeQuoteDto[];
}

export class TopIdeaDto {
  @ApiProperty(UUID_DOC) postId: string;
  @ApiProperty({ maxLength: 20 }) pseudonym: string;
  @ApiProperty({ maxLength: QUOTE_MAX_LENGTH }) text: string;
  @ApiProperty(COUNT_DOC) likes: number;
  @ApiProperty({ ...CODE, description: 'the idea status' }) status: string;
}

export class DiscussionsSummaryDto {
  @ApiProperty({ type: [RoundSummaryDto], maxItems: 100_000 }) rounds: RoundSummaryDto[];
  @ApiProperty({ type: [CodeSummaryDto], maxItems: 100_000 }) codes: CodeSummaryDto[];
  @ApiProperty({ type: [TopIdeaDto], maxItems: 100 }) topIdeas: TopIdeaDto[];
}

export class ProductSummaryDto {
  @ApiProperty(UUID_DOC) productId: string;
  @ApiProperty({ maxLength: 100 }) sku: string;
  @ApiProperty({ maxLength: 200 }) name: string;
  @ApiProperty(COUNT_DOC) allocated: number;
  @ApiProperty(COUNT_DOC) shipped: number;
  @ApiProperty(COUNT_DOC) delivered: number;
  @ApiProperty(COUNT_DOC) returned: number;
  @ApiProperty(COUNT_DOC) lost: number;
  @ApiPropertyOptional({ type: 'number', minimum: 0, maximum: 100_000, description: 'absent until one is delivered' })
  medianDaysToDelivery?: number;
}

export class HomeTestingSummaryDto {
  @ApiProperty({ type: [ProductSummaryDto], maxItems: 100_000 }) products: ProductSummaryDto[];
}

export class TopFeedbackDto {
  @ApiProperty(UUID_DOC) id: string;
  @ApiProperty(CODE) kind: string;
  @ApiPropertyOptional(CODE) severity?: string;
  @ApiProperty(CODE) status: string;
  @ApiProperty({ maxLength: QUOTE_MAX_LENGTH }) title: string;
  @ApiProperty(COUNT_DOC) meToo: number;
}

const TALLY = { type: 'object', additionalProperties: COUNT_DOC } as const;
export class FeedbackSummaryDto {
  @ApiProperty({ ...TALLY, description: 'items by kind' }) byKind: Record<string, number>;
  @ApiProperty({ ...TALLY, description: 'items by severity' }) bySeverity: Record<string, number>;
  @ApiProperty({ ...TALLY, description: 'items by status' }) byStatus: Record<string, number>;
  @ApiProperty({ type: [TopFeedbackDto], maxItems: 100 }) top: TopFeedbackDto[];
}

/** GET /reports/:id/report.json */
export class ReportContentDto {
  @ApiProperty(UUID_DOC) studyId: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 2_147_483_647 }) version: number;
  @ApiProperty(DATE_TIME_DOC) generatedAt: string;
  @ApiProperty({ ...COUNT_DOC, description: 'cross-tab rows with fewer respondents are suppressed' }) minCell: number;
  @ApiProperty({ type: ReportStudyDto, description: 'what the report is about (no personal data)' }) study: ReportStudyDto;
  @ApiProperty({ type: FunnelDto }) funnel: FunnelDto;
  @ApiProperty({ type: [QuotaFillDto], maxItems: 500 }) quotas: QuotaFillDto[];
  @ApiProperty({ type: CompositionDto, description: 'the enrolled participants' }) composition: CompositionDto;
  @ApiProperty({ type: [SurveyReportDto], maxItems: 10_000 }) surveys: SurveyReportDto[];
  @ApiProperty({ type: DiscussionsSummaryDto }) discussions: DiscussionsSummaryDto;
  @ApiProperty({ type: HomeTestingSummaryDto }) homeTesting: HomeTestingSummaryDto;
  @ApiProperty({ type: FeedbackSummaryDto }) feedback: FeedbackSummaryDto;
}
