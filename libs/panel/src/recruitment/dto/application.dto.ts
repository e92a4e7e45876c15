import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { type Gender, GENDERS, IsBoundedJson, IsSafeName, TIERS } from '@leadpanel/platform';
import { ANSWERS_JSON_BOUNDS } from '@leadpanel/surveys';

export const LOCALES = ['en', 'fr'] as const;

export class ConsentsDto {
  @ApiProperty({ maxLength: 50, example: '2026-01' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  termsVersion: string;

  @ApiProperty({ description: 'consent to take part in research: required', enum: [true] })
  @Equals(true, { message: 'research consent is required to join the panel' })
  research: boolean;

  @ApiProperty({ description: 'consent to receive products for home testing' })
  @IsBoolean()
  productTesting: boolean;
}

export class ApplicationDto {
  @ApiProperty({ format: 'email', maxLength: 320 })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  @IsSafeName()
  displayName: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'FR', minLength: 2, maxLength: 2 })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  @MaxLength(2)
  country: string;

  @ApiProperty({ enum: LOCALES })
  @IsIn(LOCALES)
  locale: (typeof LOCALES)[number];

  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2100, description: 'applicants must be 18 or older' })
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear: number;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiProperty({ type: ConsentsDto })
  @IsObject({ message: 'consents must be an object' })
  @ValidateNested()
  @Type(() => ConsentsDto)
  consents: ConsentsDto;

  @ApiProperty({ description: 'screener answers by question id', type: 'object', additionalProperties: true })
  @IsObject()
  @IsBoundedJson(ANSWERS_JSON_BOUNDS)
  answers: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'referralCode is not a referral code' })
  referralCode?: string;
}

export class ApplicationResultDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) panellistId: string;
  @ApiProperty({ enum: ['pending_confirmation'] }) status: 'pending_confirmation';
}

export class ResendConfirmationDto {
  @ApiProperty({ format: 'email', maxLength: 320 })
  @IsEmail()
  @MaxLength(320)
  email: string;
}

export class ConfirmEmailDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

export class ConfirmResultDto {
  @ApiProperty({ enum: ['active', 'waitlisted'] }) status: 'active' | 'waitlisted';
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100, description: 'overall lead-user score 0–100' }) score:
    number | null;
  @ApiProperty({ enum: TIERS, nullable: true }) tier: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: 100 } }) dimensions?: Record<
    string,
    number
  >;
}
