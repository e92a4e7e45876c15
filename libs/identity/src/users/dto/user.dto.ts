import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, type Role } from '@leadpanel/platform';

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
  @ApiProperty() mustChangePassword: boolean;
  @ApiProperty({ type: String, format: 'date-time', maxLength: 40, nullable: true }) lastLoginAt: Date | null;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
}

export class UserPageDto {
  @ApiProperty({ type: [UserResponseDto], maxItems: 100 }) items: UserResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export const ROLES = ['admin', 'researcher', 'brand', 'panellist'] as const;
export const USER_STATUSES = ['active', 'disabled', 'erased'] as const;

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: (typeof ROLES)[number];

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 })
  @IsOptional()
  @IsUUID()
  @MaxLength(36)
  brandId?: string;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: (typeof USER_STATUSES)[number];

  @ApiPropertyOptional({ description: 'part of the e-mail', maxLength: 320 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  q?: string;
}

export class UpdateUserDto {
  @ApiProperty({ enum: ['active', 'disabled'] })
  @IsIn(['active', 'disabled'])
  status: 'active' | 'disabled';
}
