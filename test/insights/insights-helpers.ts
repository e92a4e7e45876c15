import { ReportAggregator, type ReportContent } from '@leadpanel/insights';
import { joinPanel } from '../panel/panel-helpers';
import { createHomeTestingTestApp } from '../home-testing/home-testing-helpers';
import {
  accept,
  ANSWERS,
  decline,
  myInvitationTo,
  recruitingStudy,
  studyBody,
  wave,
  type Panellist,
  type StudyBody,
  type TestApp,
  type TierName,
} from '../studies/studies-helpers';
import type { StudyWorld } from '../support/world';
import { mustMyAssignment, submit } from '../surveys/survey-helpers';

export {
  API,
  bearer,
  createBrand,
  dataSource,
  MISSING,
  SETUP_TIMEOUT,
  UUID,
  type Panellist,
  type Study,
  type TestApp,
  type TestUser,
} from '../home-testing/home-testing-helpers';
export type { ReportContent };

/**
 * The insights test app: the home-testing one (own database and queue prefix per file,
 * PUBLIC_BASE_URL and the carrier secret set), so that reports can be fed by every context.
 */
export function createInsightsTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return createHomeTestingTestApp(env);
}

/** A panellist to join, with the facts that segment a report; `gender: null` joins without a gender. */
export interface SegmentSpec {
  displayName: string;
  birthYear: number;
  gender: string | null;
  tier: TierName;
}

/** Panellists joined one batch at a time (argon2 is slow), in the order of `specs`, all active. */
export async function joinSegmented(
  t: TestApp,
  w: StudyWorld,
  country: string,
  specs: readonly SegmentSpec[],
  batch = 6,
): Promise<Panellist[]> {
  const out: Panellist[] = [];
  for (let i = 0; i < specs.length; i += batch) {
    out.push(
      ...(await Promise.all(
        specs.slice(i, i + batch).map((s) =>
          joinPanel(t, w.campaign.slug, {
            country,
            locale: 'en',
            birthYear: s.birthYear,
            gender: s.gender ?? undefined,
            displayName: s.displayName,
            answers: ANSWERS[s.tier],
          }),
        ),
      )),
    );
  }
  return out;
}

export interface SegmentedCohort {
  studyId: string;
  /** invited and accepted: enrolled, in the order of the specs */
  participants: Panellist[];
  /** invited, declined */
  declined: Panellist[];
  /** invited, never answered */
  invitedOnly: Panellist[];
}

/**
 * A recruiting study restricted to `country` (no other study's wave reaches its
 * panellists): everyone joins, one wave invites them all, `participants` accept,
 * `declined` decline and `invitedOnly` do nothing.
 */
export async function segmentedCohort(
  t: TestApp,
  w: StudyWorld,
  opts: { country: string; participants: SegmentSpec[]; declined?: SegmentSpec[]; invitedOnly?: SegmentSpec[]; study?: Partial<StudyBody> },
): Promise<SegmentedCohort> {
  const specs = [...opts.participants, ...(opts.declined ?? []), ...(opts.invitedOnly ?? [])];
  const joined = await joinSegmented(t, w, opts.country, specs);
  const study = await recruitingStudy(
    t,
    w.researcher.token,
    studyBody(w.brandId, { targetSize: specs.length, criteria: { countries: [opts.country] }, ...opts.study }),
  );
  const invited = await wave(t, w.researcher.token, study.id, { size: specs.length, expiresInDays: 7 });
  if (invited.invited !== specs.length) throw new Error(`the wave invited ${invited.invited} of ${specs.length}`);
  const participants = joined.slice(0, opts.participants.length);
  const declined = joined.slice(opts.participants.length, opts.participants.length + (opts.declined?.length ?? 0));
  for (const p of participants) {
    const inv = await myInvitationTo(t, p, study.id);
    if (!inv) throw new Error(`${p.email} was not invited`);
    const res = await accept(t, p, inv.id);
    if (res.status !== 200 || res.body.status !== 'accepted') throw new Error(`accept: ${res.status} ${res.text}`);
  }
  for (const p of declined) {
    const inv = await myInvitationTo(t, p, study.id);
    if (!inv) throw new Error(`${p.email} was not invited`);
    const res = await decline(t, p, inv.id);
    if (res.status !== 200) throw new Error(`decline: ${res.status} ${res.text}`);
  }
  return { studyId: study.id, participants, declined, invitedOnly: joined.slice(participants.length + declined.length) };
}

/** Submits the panellist's assignment of a survey with these answers (200). */
export async function answer(t: TestApp, p: Panellist, surveyId: string, answers: Record<string, unknown>): Promise<void> {
  const a = await mustMyAssignment(t, p, surveyId);
  const res = await submit(t, p, a.id, { answers });
  if (res.status !== 200) throw new Error(`submit: ${res.status} ${res.text}`);
}

/** The report content the aggregator computes now (what the report job stores). */
export function buildReport(
  t: TestApp,
  studyId: string,
  opts: { minCell?: number; version?: number; generatedAt?: Date } = {},
): Promise<ReportContent> {
  return t.app.get(ReportAggregator).build({
    studyId,
    version: opts.version ?? 1,
    minCell: opts.minCell ?? 5,
    generatedAt: opts.generatedAt ?? new Date(),
  });
}

/** Sample mean and SD (n − 1) of numbers: the hand computation the report is checked against. */
export function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
  return { mean, sd };
}

/** Every string value anywhere in a JSON value (keys included): for privacy checks. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}
