import { randomBytes } from 'node:crypto';
import type { Question } from '@leadpanel/surveys';
import { cohort, type Cohort, type StudyWorld } from '../support/world';
import { createStudySurvey, type Survey } from '../surveys/survey-helpers';
import { API, bearer, createStudiesTestApp, type Panellist, type TestApp } from '../studies/studies-helpers';

export {
  API,
  bearer,
  createBrand,
  errorFields,
  expectProblem,
  mailTo,
  moveTo,
  studyBody,
  UUID,
  type Panellist,
  type Study,
  type TestApp,
  type TestUser,
} from '../studies/studies-helpers';
export { closeStudy, dataSource, MISSING, SETUP_TIMEOUT } from '../feedback/feedback-helpers';
export { myAssignmentOf, outboxRows } from '../surveys/survey-helpers';

/** The secret every home-testing test app verifies carrier webhooks with. */
export const CARRIER_SECRET = 'carrier-webhook-secret-for-tests';
export const DAY = 86_400_000;

/** The home-testing test app: the studies' (own database and queue prefix per file), with the carrier webhook secret set. */
export function createHomeTestingTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return createStudiesTestApp({ CARRIER_WEBHOOK_SECRET: CARRIER_SECRET, ...env });
}

export interface AddressBody {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  country: string;
  phone?: string;
}

/** A valid address; the line names the panellist so copies can be told apart. */
export function addressOf(n: number, overrides: Partial<AddressBody> = {}): AddressBody {
  return { line1: `${n} rue des Testeurs`, postalCode: '75011', city: 'Paris', country: 'FR', ...overrides };
}

export async function putAddress(t: TestApp, p: Panellist, body: AddressBody): Promise<void> {
  const res = await t
    .http()
    .put(`${API}/me/address`)
    .set(...bearer(p.token))
    .send(body);
  if (res.status !== 200) throw new Error(`PUT /me/address: ${res.status} ${res.text}`);
}

export interface HomeCohort extends Cohort {
  /** participants who gave an address, in enrolment order */
  withAddress: Panellist[];
  /** participants who did not */
  withoutAddress: Panellist[];
}

/**
 * A recruiting study of its own country with `participants` enrolled panellists; those whose
 * index is in `withoutAddress` give no address, the others give `addressOf(index)`.
 */
export async function homeCohort(
  t: TestApp,
  w: StudyWorld,
  opts: { country: string; participants: number; withoutAddress?: number[]; invitedOnly?: number; title?: string },
): Promise<HomeCohort> {
  const c = await cohort(t, w, {
    country: opts.country,
    participants: opts.participants,
    invitedOnly: opts.invitedOnly,
    study: opts.title ? { title: opts.title } : {},
  });
  const skip = new Set(opts.withoutAddress ?? []);
  const withAddress: Panellist[] = [];
  const withoutAddress: Panellist[] = [];
  for (const [i, p] of c.participants.entries()) {
    if (skip.has(i)) {
      withoutAddress.push(p);
      continue;
    }
    await putAddress(t, p, addressOf(i));
    withAddress.push(p);
  }
  return { ...c, withAddress, withoutAddress };
}

export interface ProductBody {
  brandId: string;
  sku: string;
  name: string;
  description?: string;
  unitsInStock: number;
  requiresReturn: boolean;
  ndaRequired: boolean;
  usageDays: number;
  usageSurveyId?: string;
  ndaVersion?: string;
  ndaTerms?: string;
}

export interface Product extends Required<Omit<ProductBody, 'usageSurveyId' | 'ndaVersion' | 'ndaTerms' | 'description'>> {
  id: string;
  description: string | null;
  usageSurveyId: string | null;
  ndaVersion: string | null;
  ndaTerms: string | null;
  createdAt: string;
  updatedAt: string;
}

export function uniqueSku(label = 'KTL'): string {
  return `${label}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** A valid product body: a kettle with 10 units, no return, no NDA, survey right at delivery. */
export function productBody(brandId: string, overrides: Partial<ProductBody> = {}): ProductBody {
  return {
    brandId,
    sku: uniqueSku(),
    name: 'Kettle K2',
    unitsInStock: 10,
    requiresReturn: false,
    ndaRequired: false,
    usageDays: 0,
    ...overrides,
  };
}

export function postProduct(t: TestApp, token: string, body: unknown) {
  return t
    .http()
    .post(`${API}/products`)
    .set(...bearer(token))
    .send(body as object);
}

export async function createProduct(t: TestApp, token: string, brandId: string, overrides: Partial<ProductBody> = {}): Promise<Product> {
  const res = await postProduct(t, token, productBody(brandId, overrides));
  if (res.status !== 201) throw new Error(`POST /products: ${res.status} ${res.text}`);
  return res.body as Product;
}

export async function getProduct(t: TestApp, token: string, id: string): Promise<Product> {
  const res = await t
    .http()
    .get(`${API}/products/${id}`)
    .set(...bearer(token));
  if (res.status !== 200) throw new Error(`GET /products/${id}: ${res.status} ${res.text}`);
  return res.body as Product;
}

export interface StockMovement {
  id: string;
  productId: string;
  delta: number;
  stockAfter: number;
  kind: 'initial' | 'manual' | 'allocation' | 'cancellation' | 'return';
  reason: string;
  studyId: string | null;
  shipmentId: string | null;
  actorUserId: string | null;
  createdAt: string;
}

export async function stockMovements(t: TestApp, token: string, productId: string): Promise<StockMovement[]> {
  const res = await t
    .http()
    .get(`${API}/products/${productId}/stock-movements?limit=100`)
    .set(...bearer(token));
  if (res.status !== 200) throw new Error(`GET stock-movements: ${res.status} ${res.text}`);
  return res.body.items as StockMovement[];
}

export const USAGE_QUESTIONS: Question[] = [
  { id: 'daily', type: 'likert', scale: 5, prompt: 'I used the kettle every day', required: true },
  { id: 'comment', type: 'text', prompt: 'Anything else?', maxLength: 200 },
];

/** A published usage survey (of no study unless one is given). */
export function createUsageSurvey(
  t: TestApp,
  token: string,
  opts: { studyId?: string; kind?: string; publish?: boolean; title?: string } = {},
): Promise<Survey> {
  return createStudySurvey(
    t,
    token,
    { kind: opts.kind ?? 'usage', title: opts.title ?? 'A week with the kettle', questions: USAGE_QUESTIONS, studyId: opts.studyId },
    { publish: opts.publish },
  );
}

export { eventually } from '@leadpanel/platform/testing';

/** Lets the in-process queue and the dispatcher run what is due, so that a "nothing more happened" check means something. */
export function settle(ms = 1_500): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
