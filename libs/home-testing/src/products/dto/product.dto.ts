import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, NotEquals } from 'class-validator';
import { PageQueryDto } from '@leadpanel/platform';
import { STOCK_MOVEMENT_KINDS, type StockMovementKind } from '../stock-movement.entity';

export const PRODUCT_LIMITS = {
  sku: 64,
  name: 200,
  description: 5000,
  ndaVersion: 50,
  ndaTerms: 20_000,
  stock: 1_000_000,
  usageDays: 365,
  reason: 200,
} as const;

export class CreateProductDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  brandId: string;

  @ApiProperty({ maxLength: PRODUCT_LIMITS.sku, description: 'unique per brand, case-insensitively; letters, digits, . _ - /' })
  @IsString()
  @MaxLength(PRODUCT_LIMITS.sku)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, { message: 'sku must start with a letter or digit and hold only letters, digits, . _ - /' })
  sku: string;

  @ApiProperty({ minLength: 1, maxLength: PRODUCT_LIMITS.name })
  @IsString()
  @MinLength(1)
  @MaxLength(PRODUCT_LIMITS.name)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({ maxLength: PRODUCT_LIMITS.description })
  @IsOptional()
  @IsString()
  @MaxLength(PRODUCT_LIMITS.description)
  description?: string;

  @ApiProperty({ minimum: 0, maximum: PRODUCT_LIMITS.stock, description: 'logged as the first stock movement' })
  @IsInt()
  @Min(0)
  @Max(PRODUCT_LIMITS.stock)
  unitsInStock: number;

  @ApiProperty({ description: 'units come back after the test (a returned unit goes back to stock)' })
  @IsBoolean()
  requiresReturn: boolean;

  @ApiProperty({ description: 'participants accept the NDA before the product ships' })
  @IsBoolean()
  ndaRequired: boolean;

  @ApiPropertyOptional({
    maxLength: PRODUCT_LIMITS.ndaVersion,
    description: 'version of the NDA text, recorded with each acceptance (default "1")',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(PRODUCT_LIMITS.ndaVersion)
  ndaVersion?: string;

  @ApiPropertyOptional({ maxLength: PRODUCT_LIMITS.ndaTerms, description: 'the NDA text participants read before accepting' })
  @IsOptional()
  @IsString()
  @MaxLength(PRODUCT_LIMITS.ndaTerms)
  ndaTerms?: string;

  @ApiProperty({ minimum: 0, maximum: PRODUCT_LIMITS.usageDays, description: 'days of use after delivery before the usage survey' })
  @IsInt()
  @Min(0)
  @Max(PRODUCT_LIMITS.usageDays)
  usageDays: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'a published survey of kind usage, of this brand' })
  @IsOptional()
  @IsUUID()
  usageSurveyId?: string;
}

export class StockMovementDto {
  @ApiProperty({ description: 'units in (positive) or out (negative); never zero; stock never goes below 0 (409)' })
  @IsInt()
  @NotEquals(0)
  @Min(-PRODUCT_LIMITS.stock)
  @Max(PRODUCT_LIMITS.stock)
  delta: number;

  @ApiProperty({ minLength: 1, maxLength: PRODUCT_LIMITS.reason })
  @IsString()
  @MinLength(1)
  @MaxLength(PRODUCT_LIMITS.reason)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

export class ListProductsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'researchers: one brand; brand users always see their own' })
  @IsOptional()
  @IsUUID()
  brandId?: string;
}

export class ProductResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) brandId: string;
  @ApiProperty() sku: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ minimum: 0 }) unitsInStock: number;
  @ApiProperty() requiresReturn: boolean;
  @ApiProperty() ndaRequired: boolean;
  @ApiProperty({ type: String, nullable: true }) ndaVersion: string | null;
  @ApiProperty({ type: String, nullable: true }) ndaTerms: string | null;
  @ApiProperty({ minimum: 0 }) usageDays: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) usageSurveyId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class ProductPageDto {
  @ApiProperty({ type: [ProductResponseDto] }) items: ProductResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class StockMovementResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty() delta: number;
  @ApiProperty({ minimum: 0, description: 'units in stock after this movement' }) stockAfter: number;
  @ApiProperty({ enum: STOCK_MOVEMENT_KINDS }) kind: StockMovementKind;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) studyId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) shipmentId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUserId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class StockMovementPageDto {
  @ApiProperty({ type: [StockMovementResponseDto] }) items: StockMovementResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
