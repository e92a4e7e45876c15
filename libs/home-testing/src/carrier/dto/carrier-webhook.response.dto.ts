import { ApiProperty } from '@nestjs/swagger';
import { CARRIER_EVENT_OUTCOMES, type CarrierEventOutcome } from '../carrier-event.entity';

export class CarrierWebhookResultDto {
  @ApiProperty({ maxLength: 200, description: 'the event id the carrier sent' }) eventId: string;
  @ApiProperty({ description: 'false when this eventId was received before: nothing was done again' }) firstDelivery: boolean;
  @ApiProperty({
    enum: [...CARRIER_EVENT_OUTCOMES, 'duplicate'],
    description:
      'applied: the shipment moved; recorded: matched but no move; unmatched: no shipment has that tracking number; ' +
      'nda_pending: in transit before the NDA was accepted; duplicate: this eventId was received before',
  })
  outcome: CarrierEventOutcome | 'duplicate';
}
