import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, NotEquals } from 'class-validator';
import { INT32_MAX, PageQueryDto } from '@leadpanel/platform';
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
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  @IsUUID()
  @MaxLength(36)
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

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: 'a published survey of kind usage, of this brand' })
  @IsOptional()
  @IsUUID()
  @MaxLength(36)
  usageSurveyId?: string;
}

export class StockMovementDto {
  @ApiProperty({
    type: 'integer',
    minimum: -PRODUCT_LIMITS.stock,
    maximum: PRODUCT_LIMITS.stock,
    description: 'units in (positive) or out (negative); never zero; stock never goes below 0 (409)',
  })
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
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: 'researchers: one brand; brand users always see their own' })
  @IsOptional()
  @IsUUID()
  @MaxLength(36)
  brandId?: string;
}

export class ProductResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) brandId: string;
  @ApiProperty({ maxLength: PRODUCT_LIMITS.sku }) sku: string;
  @ApiProperty({ maxLength: PRODUCT_LIMITS.name }) name: string;
  @ApiProperty({ type: String, nullable: true, maxLength: PRODUCT_LIMITS.description }) description: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: INT32_MAX }) unitsInStock: number;
  @ApiProperty() requiresReturn: boolean;
  @ApiProperty() ndaRequired: boolean;
  @ApiProperty({ type: String, nullable: true, maxLength: PRODUCT_LIMITS.ndaVersion }) ndaVersion: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: PRODUCT_LIMITS.ndaTerms }) ndaTerms: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: PRODUCT_LIMITS.usageDays }) usageDays: number;
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36, nullable: true }) usageSurveyId: string | null;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) updatedAt: Date;
}

export class ProductPageDto {
  @ApiProperty({ type: [ProductResponseDto], maxItems: 100 }) items: ProductResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export class StockMovementResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) productId: string;
  @ApiProperty({ type: 'integer', minimum: -INT32_MAX, maximum: INT32_MAX }) delta: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: INT32_MAX, description: 'units in stock after this movement' }) stockAfter: number;
  @ApiProperty({ enum: STOCK_MOVEMENT_KINDS }) kind: StockMovementKind;
  @ApiProperty({ maxLength: PRODUCT_LIMITS.reason }) reason: string;
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36, nullable: true }) studyId: string | null;
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36, nullable: true }) shipmentId: string | null;
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36, nullable: true }) actorUserId: string | null;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
}

export class StockMovementPageDto {
  @ApiProperty({ type: [StockMovementResponseDto], maxItems: 100 }) items: StockMovementResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}
