import { Injectable } from '@nestjs/common';

/** Assignments and submitted ones per survey id; a survey absent from the map has none. */
export type SurveyUsageCounts = Map<string, { assigned: number; submitted: number }>;
type Counter = (surveyIds: string[]) => Promise<SurveyUsageCounts>;

/**
 * How many times each survey was assigned and answered, for the survey list. Assignments belong
 * to the responses context, which sits above this one: it registers the counter when it starts
 * (the way contexts register their personal data), so definitions never import it.
 */
@Injectable()
export class SurveyUsage {
  private counter: Counter | null = null;

  register(counter: Counter): void {
    if (this.counter) throw new Error('survey usage counter registered twice');
    this.counter = counter;
  }

  count(surveyIds: string[]): Promise<SurveyUsageCounts> {
    if (!this.counter || surveyIds.length === 0) return Promise.resolve(new Map());
    return this.counter(surveyIds);
  }
}
