import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, Clock, OutboxService, ValidationError, type AppConfig, type FieldError } from '@leadpanel/platform';
import { carrierEventMove, isCarrierEventStatus, verifyCarrierSignature, type CarrierEventStatus } from '../domain';
import { HomeTestingError } from '../home-testing.errors';
import { ShipmentsRepository } from '../shipments/shipments.repository';
import { ShipmentMovesService } from '../shipments/shipment-moves.service';
import type { CarrierEventOutcome } from './carrier-event.entity';

export interface CarrierEventInput {
  eventId: string;
  trackingNumber: string;
  status: CarrierEventStatus;
  occurredAt: Date;
}

export interface CarrierWebhookResult {
  eventId: string;
  /** false when this eventId was received before: nothing was done again */
  firstDelivery: boolean;
  outcome: CarrierEventOutcome | 'duplicate';
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an authentic body; 400 with field errors for anything else (a carrier bug, which a retry will not fix). */
export function parseCarrierEvent(raw: Buffer): CarrierEventInput {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ValidationError('The body is not JSON', [{ field: 'body', message: 'must be a JSON object' }], 'BAD_CARRIER_EVENT');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError('The body must be a JSON object', [{ field: 'body', message: 'must be a JSON object' }], 'BAD_CARRIER_EVENT');
  }
  const o = body as Record<string, unknown>;
  const problems: FieldError[] = [];
  const text = (k: string, max: number): string => {
    const v = o[k];
    if (typeof v !== 'string' || v.trim() === '' || v.length > max)
      problems.push({ field: k, message: `must be a non-empty string of at most ${max} characters` });
    return typeof v === 'string' ? v.trim() : '';
  };
  const eventId = text('eventId', 200);
  const trackingNumber = text('trackingNumber', 100);
  if (!isCarrierEventStatus(o.status)) problems.push({ field: 'status', message: 'must be in_transit, delivered, exception or returned' });
  const occurredAt = typeof o.occurredAt === 'string' && ISO_TIME.test(o.occurredAt) ? new Date(o.occurredAt) : null;
  if (!occurredAt || Number.isNaN(occurredAt.getTime()))
    problems.push({ field: 'occurredAt', message: 'must be an ISO 8601 time with a zone' });
  if (problems.length > 0)
    throw new ValidationError(`${problems.length} field(s) of the carrier event are invalid`, problems, 'BAD_CARRIER_EVENT');
  return { eventId, trackingNumber, status: o.status as CarrierEventStatus, occurredAt: occurredAt! };
}

/**
 * POST /webhooks/carrier: authentic (HMAC over the raw bytes, 5-minute tolerance),
 * then once per eventId (the event row's primary key, inserted in the same
 * transaction as the move), then the move the event means for the shipment with that
 * tracking number. An unknown tracking number is recorded as unmatched and answered
 * 200: the carrier would otherwise retry for days.
 */
@Injectable()
export class CarrierWebhookService {
  private readonly logger = new Logger('CarrierWebhook');

  constructor(
    private readonly dataSource: DataSource,
    private readonly shipments: ShipmentsRepository,
    private readonly moves: ShipmentMovesService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async receive(signature: string | undefined, rawBody: Buffer | undefined): Promise<CarrierWebhookResult> {
    const secret = this.config.carrier.webhookSecret;
    if (!secret) throw new HomeTestingError('WEBHOOK_NOT_CONFIGURED', 'Carrier webhooks are not configured (CARRIER_WEBHOOK_SECRET)');
    const check = verifyCarrierSignature(signature, rawBody ?? Buffer.alloc(0), secret, Math.floor(this.clock.now().getTime() / 1000));
    if (!check.ok) {
      this.logger.warn(`carrier webhook refused: ${check.reason}`);
      throw new HomeTestingError('BAD_SIGNATURE', 'The signature is missing, wrong or too old');
    }
    const event = parseCarrierEvent(rawBody!);
    const result = await this.dataSource.transaction(async (em): Promise<CarrierWebhookResult> => {
      const first = await this.shipments.recordCarrierEvent(em, { ...event, shipmentId: null, outcome: 'unmatched' });
      if (!first) return { eventId: event.eventId, firstDelivery: false, outcome: 'duplicate' };
      const s = await this.shipments.lockByTracking(em, event.trackingNumber);
      if (!s) return { eventId: event.eventId, firstDelivery: true, outcome: 'unmatched' };
      const to = carrierEventMove(s.status, event.status);
      let outcome: CarrierEventOutcome = 'recorded';
      if (to === 'shipped' && s.product!.ndaRequired && !s.ndaAcceptedAt) {
        outcome = 'nda_pending';
      } else if (to !== null) {
        await this.moves.applyMove(em, s, to, {
          source: 'carrier',
          actorUserId: null,
          carrierEventId: event.eventId,
          at: event.occurredAt,
        });
        outcome = 'applied';
      }
      await this.shipments.setCarrierOutcome(em, event.eventId, outcome, s.id);
      return { eventId: event.eventId, firstDelivery: true, outcome };
    });
    this.outbox.nudge();
    return result;
  }
}
