import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsNotIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ATTRIBUTE_TYPES, type AttributeType } from '../attribute-values';

export class CreateAttributeDto {
  @ApiProperty({ pattern: '^[a-z][a-z0-9_]{0,63}$', maxLength: 64, example: 'owns_3d_printer' })
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'key must be lower-case letters, digits and underscores, starting with a letter' })
  // values arrive keyed by attribute in a plain object, and the request pipeline drops these keys from objects
  @IsNotIn(['constructor', 'prototype'], { message: 'key "$value" is reserved; choose another key' })
  key: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label: string;

  @ApiProperty({ enum: ATTRIBUTE_TYPES })
  @IsIn(ATTRIBUTE_TYPES)
  type: AttributeType;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', maxLength: 100 },
    maxItems: 100,
    description: 'enum and multi_enum only',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  options?: string[];
}

export class AttributeResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: 64 }) key: string;
  @ApiProperty({ maxLength: 200 }) label: string;
  @ApiProperty({ enum: ATTRIBUTE_TYPES }) type: AttributeType;
  @ApiProperty({ type: 'array', items: { type: 'string', maxLength: 100 }, nullable: true, maxItems: 100 }) options: string[] | null;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
}

export class AttributePageDto {
  @ApiProperty({ type: [AttributeResponseDto], maxItems: 100 }) items: AttributeResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}
