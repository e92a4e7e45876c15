import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO31661Alpha2,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  ATTRIBUTE_VALUE_DOC,
  COUNT_DOC,
  DATE_TIME_DOC,
  IsBoundedJson,
  IsSafeName,
  LEAD_USER_DIMENSIONS,
  PageQueryDto,
  PANELLIST_STATUSES,
  type PanellistStatus,
  type Tier,
  TIERS,
  UUID_DOC,
} from '@leadpanel/platform';
import { QUESTION_TYPES } from '@leadpanel/surveys';

export class ListPanellistsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PANELLIST_STATUSES })
  @IsOptional()
  @IsIn(PANELLIST_STATUSES)
  status?: PanellistStatus;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', maxLength: 2 })
  @IsOptional()
  @IsISO31661Alpha2()
  @MaxLength(2)
  country?: string;

  @ApiPropertyOptional({ enum: TIERS })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  minScore?: number;

  @ApiPropertyOptional({ description: 'searches display name and e-mail', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    description:
      'a profile attribute condition `key:value`: equals for string, enum, number and boolean (`true`/`false`) attributes, contains for multi_enum ones',
    maxLength: 600,
    example: 'owns_3d_printer:true',
  })
  @IsOptional()
  @IsString()
  @MaxLength(600)
  @Matches(/^[a-z][a-z0-9_]{0,63}:.+$/s, { message: 'attribute must be key:value' })
  attribute?: string;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: PANELLIST_STATUSES })
  @IsIn(PANELLIST_STATUSES)
  status: PanellistStatus;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

export class UpdateProfileDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  @IsSafeName()
  displayName?: string;

  @ApiPropertyOptional({ enum: ['en', 'fr'] })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsIn(['en', 'fr'])
  locale?: 'en' | 'fr';

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 50 },
    maxItems: 50,
    description: 'tags, lower-cased',
  })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value,
  )
  interests?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'custom attributes by key; null removes one' })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsObject()
  @IsBoundedJson({ maxDepth: 2, maxKeys: 100, maxNodes: 100 * 101 + 1, maxStringLength: 1000 })
  attributes?: Record<string, unknown>;
}

export class AddressDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  line1: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  line2?: string;

  @ApiProperty({ maxLength: 20 })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  postalCode: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', maxLength: 2 })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  @MaxLength(2)
  country: string;

  @ApiPropertyOptional({ maxLength: 30 })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  @Matches(/^\+?[0-9 ().-]{4,30}$/, { message: 'phone must be a phone number' })
  phone?: string;
}

export class ScoreDto {
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100 }) overall: number | null;
  @ApiProperty({ enum: TIERS, nullable: true }) tier: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: 100 } }) dimensions: Record<string, number>;
}

export class AddressResponseDto {
  @ApiProperty({ maxLength: 200 }) line1: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) line2: string | null;
  @ApiProperty({ maxLength: 20 }) postalCode: string;
  @ApiProperty({ maxLength: 100 }) city: string;
  @ApiProperty({ maxLength: 2 }) country: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 30 }) phone: string | null;
}

export class ProfileDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: 320 }) email: string;
  @ApiProperty({ enum: PANELLIST_STATUSES }) status: PanellistStatus;
  @ApiProperty({ maxLength: 100 }) displayName: string;
  @ApiProperty({ maxLength: 2 }) country: string;
  @ApiProperty({ enum: ['en', 'fr'] }) locale: 'en' | 'fr';
  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2100 }) birthYear: number;
  @ApiProperty({ type: String, nullable: true, maxLength: 30 }) gender: string | null;
  @ApiProperty({ type: 'array', items: { type: 'string', maxLength: 50 }, maxItems: 50 }) interests: string[];
  @ApiProperty({ type: 'object', additionalProperties: ATTRIBUTE_VALUE_DOC, description: 'profile attribute values by key' })
  attributes: Record<string, unknown>;
  @ApiProperty({ type: ScoreDto }) score: ScoreDto;
  @ApiProperty({ type: AddressResponseDto, nullable: true }) address: AddressResponseDto | null;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
}

export class PanellistSummaryDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: 320 }) email: string;
  @ApiProperty({ maxLength: 100 }) displayName: string;
  @ApiProperty({ enum: PANELLIST_STATUSES }) status: PanellistStatus;
  @ApiProperty({ maxLength: 2 }) country: string;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100 }) score: number | null;
  @ApiProperty({ enum: TIERS, nullable: true }) tier: string | null;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) lastActiveAt: Date;
}

export class PanellistPageDto {
  @ApiProperty({ type: [PanellistSummaryDto], maxItems: 100 }) items: PanellistSummaryDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export class ReferredByDto {
  @ApiProperty(UUID_DOC) panellistId: string;
  @ApiProperty({ maxLength: 100 }) displayName: string;
  @ApiProperty({ ...UUID_DOC, type: String, nullable: true }) referralId: string | null;
}

export class ReferralMadeDto {
  @ApiProperty(UUID_DOC) id: string;
  @ApiProperty({ maxLength: 100 }) nomineeName: string;
  @ApiProperty(UUID_DOC) campaignId: string;
  @ApiProperty(DATE_TIME_DOC) createdAt: Date;
  @ApiProperty({ ...UUID_DOC, type: String, nullable: true, description: 'the panellist the nominee became, once they applied' })
  joinedPanellistId: string | null;
  @ApiProperty({ ...DATE_TIME_DOC, type: String, nullable: true }) joinedAt: Date | null;
}

export class ReferralChainDto {
  @ApiProperty({ type: ReferredByDto, nullable: true }) referredBy: ReferredByDto | null;
  @ApiProperty({ type: [ReferralMadeDto], maxItems: 100_000 }) referrals: ReferralMadeDto[];
}

export class ParticipationDto {
  @ApiProperty({ type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }) pointsBalance: number;
  @ApiProperty(COUNT_DOC) referralsMade: number;
  @ApiProperty(COUNT_DOC) referralsJoined: number;
}

export class StatusChangeDto {
  @ApiProperty({ enum: PANELLIST_STATUSES, nullable: true, description: 'null for the first status' }) from: string | null;
  @ApiProperty({ enum: PANELLIST_STATUSES }) to: string;
  @ApiProperty({ maxLength: 500 }) reason: string;
  @ApiProperty({ ...UUID_DOC, type: String, nullable: true }) actorUserId: string | null;
  @ApiProperty(DATE_TIME_DOC) at: Date;
}

export class ScreenerAnswerDto {
  @ApiProperty({ maxLength: 64 }) questionId: string;
  @ApiProperty({ maxLength: 2000 }) prompt: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: string;
  @ApiProperty({ enum: LEAD_USER_DIMENSIONS, nullable: true, description: 'the lead-user dimension the answer is scored on' })
  dimension: string | null;
  @ApiProperty({ description: 'scored 8 − answer' }) reverse: boolean;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 5, maximum: 7, description: 'likert questions: the number of points' })
  scale: number | null;
  @ApiProperty({
    oneOf: [
      { type: 'string', maxLength: 10_000 },
      { type: 'number', minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE },
      { type: 'boolean' },
      { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 100 } },
    ],
    nullable: true,
    description: 'the answer as given; null when not answered',
  })
  answer: string | number | boolean | string[] | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'string', maxLength: 500 },
    maxItems: 50,
    description: 'choice questions: the labels of the options chosen',
  })
  labels: string[];
}

export class ScreenerResponseDto {
  @ApiProperty(UUID_DOC) surveyId: string;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty(DATE_TIME_DOC) answeredAt: Date;
  @ApiProperty({ type: [ScreenerAnswerDto], maxItems: 200, description: 'in the screener’s order' }) answers: ScreenerAnswerDto[];
}

/** GET /panellists/:id (and the answer to a status change): the profile and what a researcher reviews. */
export class PanellistDetailDto extends ProfileDto {
  @ApiProperty({ ...UUID_DOC, type: String, nullable: true, description: 'the recruitment campaign they applied through' })
  campaignId: string | null;
  @ApiProperty({ ...DATE_TIME_DOC, type: String, nullable: true }) confirmedAt: Date | null;
  @ApiProperty(DATE_TIME_DOC) lastActiveAt: Date;
  @ApiProperty({ type: ScoreDto, description: 'score breakdown by dimension' }) scoreBreakdown: ScoreDto;
  @ApiProperty({ type: ReferralChainDto }) referralChain: ReferralChainDto;
  @ApiProperty({ type: ParticipationDto }) participation: ParticipationDto;
  @ApiProperty({ type: [StatusChangeDto], maxItems: 100_000, description: 'oldest first' }) statusHistory: StatusChangeDto[];
  @ApiProperty({
    type: ScreenerResponseDto,
    nullable: true,
    description: 'their answers to the screener of the campaign they applied through (the score comes from them); null when none',
  })
  screener: ScreenerResponseDto | null;
}

export class PointsEntryDto {
  @ApiProperty(UUID_DOC) id: string;
  @ApiProperty({ type: 'integer', minimum: -2_147_483_648, maximum: 2_147_483_647 }) delta: number;
  @ApiProperty({ maxLength: 50 }) reason: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 300 }) note: string | null;
  @ApiProperty(DATE_TIME_DOC) createdAt: Date;
}

export class MyPointsDto {
  @ApiProperty({ type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }) balance: number;
  @ApiProperty({ type: [PointsEntryDto], maxItems: 1_000_000, description: 'newest first' }) entries: PointsEntryDto[];
}

export class OptOutResponseDto {
  @ApiProperty({ enum: ['opted_out'] }) status: 'opted_out';
}
