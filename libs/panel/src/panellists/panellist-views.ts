import type { Question } from '@leadpanel/surveys';
import type { PanellistAddressEntity } from './panellist-address.entity';
import type { PanellistStatus, Tier } from '@leadpanel/platform';

export interface AddressView {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  country: string;
  phone: string | null;
}

export interface ProfileView {
  id: string;
  email: string;
  status: PanellistStatus;
  displayName: string;
  country: string;
  locale: 'en' | 'fr';
  birthYear: number;
  gender: string | null;
  interests: string[];
  attributes: Record<string, unknown>;
  score: { overall: number | null; tier: string | null; dimensions: Record<string, number> };
  address: AddressView | null;
  createdAt: Date;
}

export interface PanellistSummary {
  id: string;
  email: string;
  displayName: string;
  status: PanellistStatus;
  country: string;
  score: number | null;
  tier: string | null;
  createdAt: Date;
  lastActiveAt: Date;
}

export interface ScreenerAnswerView {
  questionId: string;
  prompt: string;
  type: string;
  dimension: string | null;
  reverse: boolean;
  scale: number | null;
  answer: string | number | boolean | string[] | null;
  labels: string[];
}

/** One screener answer as a researcher reads it: the question, the value given and, for a choice, its labels. */
export function screenerAnswerOf(q: Question, value: unknown): ScreenerAnswerView {
  const answer =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : Array.isArray(value)
        ? value.filter((v): v is string => typeof v === 'string')
        : null;
  const chosen = answer === null ? [] : Array.isArray(answer) ? answer : [String(answer)];
  const labels = q.options ? q.options.filter((o) => chosen.includes(o.value)).map((o) => o.label) : [];
  return {
    questionId: q.id,
    prompt: q.prompt,
    type: q.type,
    dimension: q.dimension ?? null,
    reverse: q.reverse === true,
    scale: q.type === 'likert' ? (q.scale ?? null) : null,
    answer,
    labels,
  };
}

export const toAddress = (a: PanellistAddressEntity | null): AddressView | null =>
  a ? { line1: a.line1, line2: a.line2, postalCode: a.postalCode, city: a.city, country: a.country, phone: a.phone } : null;

export interface PanellistFactsView {
  id: string;
  status: PanellistStatus;
  country: string;
  birthYear: number;
  gender: string | null;
  tier: Tier | null;
  scoreOverall: number | null;
  interests: string[];
  attributes: Record<string, unknown>;
  locale: 'en' | 'fr';
  displayName: string;
}
