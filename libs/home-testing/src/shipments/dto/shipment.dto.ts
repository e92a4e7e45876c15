import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '@leadpanel/platform';
import { SHIPMENT_STATUSES, type ShipmentStatus } from '../../domain';
import { SHIPMENT_EVENT_SOURCES, type ShipmentEventSource } from '../shipment-event.entity';

export const TRACKING_LIMITS = { carrier: 100, trackingNumber: 100, note: 1000 } as const;
/** printable, no spaces at the ends: what carriers print on labels */
export const TRACKING_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._\-/]*[A-Za-z0-9]$|^[A-Za-z0-9]$/;

export class AllocateDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  productId: string;
}

export class AllocationResultDto {
  @ApiProperty({ minimum: 0, description: 'shipments created now' }) allocated: number;
  @ApiProperty({ minimum: 0, description: 'participants with an address left without a unit: stock ran out' }) shortfall: number;
  @ApiProperty({ minimum: 0, description: 'participants without a shipment who have no address yet' }) missingAddress: number;
  @ApiProperty({ type: [String], description: 'who to ask for an address' }) missingAddressPanellistIds: string[];
  @ApiProperty({ minimum: 0, description: 'units left after this allocation' }) unitsInStock: number;
}

export class ListShipmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SHIPMENT_STATUSES })
  @IsOptional()
  @IsIn(SHIPMENT_STATUSES)
  status?: ShipmentStatus;
}

export class PickListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'one product only' })
  @IsOptional()
  @IsUUID()
  productId?: string;
}

export class UpdateShipmentDto {
  @ApiProperty({ enum: SHIPMENT_STATUSES, description: 'a legal move from the current status (409 otherwise)' })
  @IsIn(SHIPMENT_STATUSES)
  status: ShipmentStatus;

  @ApiPropertyOptional({ maxLength: TRACKING_LIMITS.note })
  @IsOptional()
  @IsString()
  @MaxLength(TRACKING_LIMITS.note)
  note?: string;

  @ApiPropertyOptional({ maxLength: TRACKING_LIMITS.carrier, description: 'with status shipped' })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsString()
  @MinLength(1)
  @MaxLength(TRACKING_LIMITS.carrier)
  @Matches(/\S/, { message: 'carrier must not be blank' })
  carrier?: string;

  @ApiPropertyOptional({ maxLength: TRACKING_LIMITS.trackingNumber, description: 'with status shipped' })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsString()
  @MaxLength(TRACKING_LIMITS.trackingNumber)
  @Matches(TRACKING_NUMBER_PATTERN, {
    message: 'trackingNumber holds letters, digits, spaces, . _ - / and starts and ends with a letter or digit',
  })
  trackingNumber?: string;
}

export class AcceptNdaDto {
  @ApiPropertyOptional({ description: 'the NDA version read; 409 when the product’s NDA has another version' })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsString()
  @MaxLength(50)
  version?: string;
}

export class AddressCopyDto {
  @ApiProperty() recipientName: string;
  @ApiProperty() line1: string;
  @ApiProperty({ type: String, nullable: true }) line2: string | null;
  @ApiProperty() postalCode: string;
  @ApiProperty() city: string;
  @ApiProperty() country: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

export class ShipmentProductDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() sku: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() requiresReturn: boolean;
  @ApiProperty() ndaRequired: boolean;
  @ApiProperty({ type: String, nullable: true }) ndaVersion: string | null;
  @ApiProperty({ type: String, nullable: true }) ndaTerms: string | null;
  @ApiProperty() usageDays: number;
}

export class ShipmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) studyId: string;
  @ApiProperty({ format: 'uuid' }) panellistId: string;
  @ApiProperty({ type: ShipmentProductDto }) product: ShipmentProductDto;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) status: ShipmentStatus;
  @ApiProperty({ type: AddressCopyDto, description: 'copied at allocation' }) address: AddressCopyDto;
  @ApiProperty({ type: String, nullable: true }) carrier: string | null;
  @ApiProperty({ type: String, nullable: true }) trackingNumber: string | null;
  @ApiProperty({ description: 'false while an NDA product waits for the participant’s acceptance' }) readyToShip: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) ndaAcceptedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) ndaVersion: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) shippedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) returnedAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class ShipmentEventDto {
  @ApiProperty({ enum: SHIPMENT_STATUSES, nullable: true }) from: ShipmentStatus | null;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) to: ShipmentStatus;
  @ApiProperty({ enum: SHIPMENT_EVENT_SOURCES }) source: ShipmentEventSource;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) carrierEventId: string | null;
  @ApiProperty({ format: 'date-time' }) at: Date;
}

export class ShipmentDetailDto extends ShipmentResponseDto {
  @ApiProperty({ type: [ShipmentEventDto], description: 'oldest first' }) events: ShipmentEventDto[];
}

export class ShipmentPageDto {
  @ApiProperty({ type: [ShipmentResponseDto] }) items: ShipmentResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class TrackingErrorDto {
  @ApiProperty({ description: 'JSON: 1-based position in the array; CSV: record number, the header being 1' }) row: number;
  @ApiPropertyOptional({ format: 'uuid' }) shipmentId?: string;
  @ApiProperty() reason: string;
}

export class TrackingResultDto {
  @ApiProperty({ minimum: 0 }) updated: number;
  @ApiProperty({ type: [TrackingErrorDto] }) errors: TrackingErrorDto[];
}
