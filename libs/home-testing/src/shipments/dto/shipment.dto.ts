import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { COUNT_DOC, PageQueryDto, uuidArrayDoc } from '@leadpanel/platform';
import { PRODUCT_LIMITS } from '../../products/dto/product.dto';
import { SHIPMENT_STATUSES, TRACKING_IMPORT_MAX_ROWS, TRACKING_LIMITS, TRACKING_NUMBER_PATTERN, type ShipmentStatus } from '../../domain';
import { SHIPMENT_EVENT_SOURCES, type ShipmentEventSource } from '../shipment-event.entity';

export { TRACKING_LIMITS, TRACKING_NUMBER_PATTERN };

export class AllocateDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  @IsUUID()
  @MaxLength(36)
  productId: string;
}

export class AllocationResultDto {
  @ApiProperty({ ...COUNT_DOC, description: 'shipments created now' }) allocated: number;
  @ApiProperty({ ...COUNT_DOC, description: 'participants with an address left without a unit: stock ran out' }) shortfall: number;
  @ApiProperty({ ...COUNT_DOC, description: 'participants without a shipment who have no address yet' }) missingAddress: number;
  @ApiProperty({ ...uuidArrayDoc(100_000), description: 'who to ask for an address' }) missingAddressPanellistIds: string[];
  @ApiProperty({ ...COUNT_DOC, description: 'units left after this allocation' }) unitsInStock: number;
}

export class ListShipmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SHIPMENT_STATUSES })
  @IsOptional()
  @IsIn(SHIPMENT_STATUSES)
  status?: ShipmentStatus;
}

export class PickListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: 'one product only' })
  @IsOptional()
  @IsUUID()
  @MaxLength(36)
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
  @ApiPropertyOptional({ maxLength: 50, description: 'the NDA version read; 409 when the product’s NDA has another version' })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsString()
  @MaxLength(50)
  version?: string;
}

export class AddressCopyDto {
  @ApiProperty({ maxLength: 200 }) recipientName: string;
  @ApiProperty({ maxLength: 200 }) line1: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) line2: string | null;
  @ApiProperty({ maxLength: 20 }) postalCode: string;
  @ApiProperty({ maxLength: 100 }) city: string;
  @ApiProperty({ maxLength: 2 }) country: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 30 }) phone: string | null;
}

export class ShipmentProductDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: PRODUCT_LIMITS.sku }) sku: string;
  @ApiProperty({ maxLength: PRODUCT_LIMITS.name }) name: string;
  @ApiProperty({ type: String, nullable: true, maxLength: PRODUCT_LIMITS.description }) description: string | null;
  @ApiProperty() requiresReturn: boolean;
  @ApiProperty() ndaRequired: boolean;
  @ApiProperty({ type: String, nullable: true, maxLength: PRODUCT_LIMITS.ndaVersion }) ndaVersion: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: PRODUCT_LIMITS.ndaTerms }) ndaTerms: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: PRODUCT_LIMITS.usageDays }) usageDays: number;
}

export class ShipmentResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) studyId: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) panellistId: string;
  @ApiProperty({ type: ShipmentProductDto }) product: ShipmentProductDto;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) status: ShipmentStatus;
  @ApiProperty({ type: AddressCopyDto, description: 'copied at allocation' }) address: AddressCopyDto;
  @ApiProperty({ type: String, nullable: true, maxLength: TRACKING_LIMITS.carrier }) carrier: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: TRACKING_LIMITS.trackingNumber }) trackingNumber: string | null;
  @ApiProperty({ description: 'false while an NDA product waits for the participant’s acceptance' }) readyToShip: boolean;
  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, nullable: true }) ndaAcceptedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, maxLength: PRODUCT_LIMITS.ndaVersion }) ndaVersion: string | null;
  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, nullable: true }) shippedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, nullable: true }) deliveredAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, nullable: true }) returnedAt: Date | null;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) updatedAt: Date;
}

export class ShipmentEventDto {
  @ApiProperty({ enum: SHIPMENT_STATUSES, nullable: true }) from: ShipmentStatus | null;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) to: ShipmentStatus;
  @ApiProperty({ enum: SHIPMENT_EVENT_SOURCES }) source: ShipmentEventSource;
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36, nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: TRACKING_LIMITS.note }) note: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) carrierEventId: string | null;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) at: Date;
}

export class ShipmentDetailDto extends ShipmentResponseDto {
  @ApiProperty({ type: [ShipmentEventDto], maxItems: 1000, description: 'oldest first' }) events: ShipmentEventDto[];
}

export class ShipmentPageDto {
  @ApiProperty({ type: [ShipmentResponseDto], maxItems: 100 }) items: ShipmentResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export class TrackingErrorDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 10_001,
    description: 'JSON: 1-based position in the array; CSV: record number, the header being 1',
  })
  row: number;
  @ApiPropertyOptional({ maxLength: 100, description: "the row's shipmentId as sent (cut to 100 characters): not always a UUID" })
  shipmentId?: string;
  @ApiProperty({ maxLength: 200, description: 'missing_field, unknown_field: <names>, field_too_long, bad_shipment_id, …' })
  reason: string;
}

export class TrackingResultDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: TRACKING_IMPORT_MAX_ROWS }) updated: number;
  @ApiProperty({ type: [TrackingErrorDto], maxItems: TRACKING_IMPORT_MAX_ROWS + 1 }) errors: TrackingErrorDto[];
}

/** One row of section `shipments` of GET /me/export: a shipment to me, as staff see it but for my id. */
export class ShipmentExportDto extends OmitType(ShipmentResponseDto, ['panellistId'] as const) {}
