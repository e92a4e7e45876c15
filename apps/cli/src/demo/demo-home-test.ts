import { Injectable } from '@nestjs/common';
import { Clock, type AuthUser } from '@leadpanel/platform';
import { SurveysService } from '@leadpanel/surveys';
import { AssignmentsService } from '@leadpanel/responses';
import { MyShipmentsService, ProductsService, ShipmentFulfilmentService, ShipmentsService } from '@leadpanel/home-testing';
import { CARRIERS, PRODUCT, rng, SHIPMENT_PLAN, usageAnswers, USAGE_SURVEY, type PlannedStatus } from './demo-data';
import { actor, asOf, DAY, type Participant, type Progress } from './demo-actors';

/** The demo's home test: the lamp shipped to the participants over twelve days, and the usage survey that follows it. */
@Injectable()
export class DemoHomeTest {
  constructor(
    private readonly clock: Clock,
    private readonly surveys: SurveysService,
    private readonly assignments: AssignmentsService,
    private readonly products: ProductsService,
    private readonly shipments: ShipmentsService,
    private readonly fulfilment: ShipmentFulfilmentService,
    private readonly myShipments: MyShipmentsService,
  ) {}

  /** The usage survey, the product, its allocation and a shipment in every state. Returns who received the lamp. */
  async ship(
    researcher: AuthUser,
    brandId: string,
    studyId: string,
    participants: Participant[],
    r: ReturnType<typeof rng>,
    progress: Progress,
  ): Promise<{ surveyId: string; productId: string; receivers: Participant[] }> {
    const survey = await this.surveys.create(researcher, {
      studyId,
      kind: 'usage',
      title: USAGE_SURVEY.title,
      points: USAGE_SURVEY.points,
      questions: USAGE_SURVEY.questions,
    });
    await this.surveys.publish(survey.id);
    const product = await this.products.create(researcher, { brandId, ...PRODUCT, usageSurveyId: survey.id });
    const allocation = await this.shipments.allocate(researcher, studyId, product.id);

    const who = new Map(participants.map((p) => [p.person.id, p]));
    const order = new Map(participants.map((p, i) => [p.person.id, i]));
    const all: Array<{ id: string; panellistId: string }> = [];
    let cursor: string | undefined;
    do {
      const page = await this.shipments.list(researcher, studyId, { limit: 100, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    all.sort((a, b) => order.get(a.panellistId)! - order.get(b.panellistId)!);
    const plan = all.map((s, i) => ({ ...s, to: (SHIPMENT_PLAN[i] ?? 'delivered') as PlannedStatus, p: who.get(s.panellistId)! }));
    const shipPath: PlannedStatus[] = ['shipped', 'delivered', 'return_requested', 'returned', 'lost'];
    const receivedPath: PlannedStatus[] = ['delivered', 'return_requested', 'returned'];
    const firstAllocated = plan.find((s) => s.to === 'allocated');

    // the parcels left twelve days ago and arrived over the next days (shippedAt, deliveredAt: see asOf)
    const now = this.clock.now().getTime();
    const shippedAt = new Date(now - 12 * DAY);
    // the NDA: everyone but one participant still thinking about it (and the cancelled parcel)
    for (const s of plan) {
      if (s.to !== 'cancelled' && s !== firstAllocated) {
        await asOf(this.clock, new Date(shippedAt.getTime() - DAY), () =>
          this.myShipments.acceptNda(actor(s.p.person), s.id, PRODUCT.ndaVersion),
        );
      }
    }
    // the warehouse packs some, ships the others straight from allocated with the tracking file
    for (const [i, s] of plan.entries()) {
      if (s.to === 'packed' || (shipPath.includes(s.to) && i % 2 === 0))
        await this.shipments.update(researcher, s.id, { status: 'packed' });
      if (s.to === 'cancelled') {
        await this.shipments.update(researcher, s.id, { status: 'cancelled', note: 'The participant moves house during the test' });
      }
    }
    const rows = plan
      .filter((s) => shipPath.includes(s.to))
      .map((s, i) => ({
        shipmentId: s.id,
        carrier: CARRIERS[s.p.spec.country],
        trackingNumber: `LP26${String(40_117 + i * 373).padStart(7, '0')}${s.p.spec.country}`,
      }));
    const imported = await asOf(this.clock, shippedAt, () => this.fulfilment.importTracking(researcher, studyId, rows, 'application/json'));
    if (imported.errors.length > 0) throw new Error(`tracking import: ${JSON.stringify(imported.errors)}`);
    for (const s of plan) {
      if (receivedPath.includes(s.to)) {
        const deliveredAt = new Date(shippedAt.getTime() + DAY + Math.floor(r.next() * 3.5 * DAY));
        await asOf(this.clock, deliveredAt, () => this.myShipments.received(actor(s.p.person), s.id));
      }
      if (s.to === 'return_requested' || s.to === 'returned') {
        await this.shipments.update(researcher, s.id, { status: 'return_requested', note: 'End of the test: return label sent' });
      }
      if (s.to === 'returned')
        await this.shipments.update(researcher, s.id, { status: 'returned', note: 'Back at the warehouse, checked' });
      if (s.to === 'lost') {
        await this.shipments.update(researcher, s.id, { status: 'lost', note: 'The carrier reports the parcel lost at its sorting hub' });
      }
    }
    const tally = plan.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.to]: (acc[s.to] ?? 0) + 1 }), {});
    progress(
      `product ${PRODUCT.sku}: ${allocation.allocated} shipments (${allocation.missingAddress} participant(s) without an address): ` +
        Object.entries(tally)
          .map(([k, v]) => `${v} ${k}`)
          .join(', '),
    );
    return { surveyId: survey.id, productId: product.id, receivers: plan.filter((s) => receivedPath.includes(s.to)).map((s) => s.p) };
  }

  /** The usage survey goes to those who received the lamp; most submit, one is halfway, one has not started. */
  async usageSurvey(
    researcher: AuthUser,
    surveyId: string,
    receivers: Participant[],
    r: ReturnType<typeof rng>,
    progress: Progress,
  ): Promise<void> {
    await this.assignments.assign(researcher, surveyId, {
      panellistIds: receivers.map((p) => p.person.id),
      dueAt: new Date(this.clock.now().getTime() + 7 * DAY),
    });
    let submitted = 0;
    for (const [k, p] of receivers.entries()) {
      const me = actor(p.person);
      const mine = await this.assignments.mine(me, { limit: 100 });
      const assignment = mine.items.find((a) => a.surveyId === surveyId);
      if (!assignment) throw new Error(`no usage survey assigned to ${p.person.email}`);
      const answers = usageAnswers(r, p.spec, k);
      if (k === receivers.length - 1) continue; // not started
      if (k === receivers.length - 2) {
        await this.assignments.save(me, assignment.id, { recommend: answers.recommend, wind_down: answers.wind_down });
        continue;
      }
      await this.assignments.submit(me, assignment.id, answers, undefined);
      submitted++;
    }
    progress(`usage survey: ${submitted} responses of ${receivers.length} (one halfway, one not started)`);
  }
}
