import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { Role } from '@leadpanel/platform';

export const STAFF_ROLES = ['admin', 'researcher', 'brand'] as const;

export class CreateUserDto {
  @ApiProperty({ format: 'email', maxLength: 320 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: STAFF_ROLES, description: 'panellists join through a recruitment campaign' })
  @IsIn(STAFF_ROLES)
  role: (typeof STAFF_ROLES)[number];

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: 'required when role is brand' })
  @IsOptional()
  @IsUUID()
  @MaxLength(36)
  brandId?: string;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: 320 }) email: string;
  @ApiProperty({ enum: ['admin', 'researcher', 'brand', 'panellist'] }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', maxLength: 36, nullable: true }) brandId: string | null;
  @ApiProperty({ enum: ['active', 'disabled', 'erased'] }) status: string;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
}
