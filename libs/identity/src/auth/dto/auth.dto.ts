import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { Role } from '@leadpanel/platform';

export class LoginDto {
  @ApiProperty({ format: 'email', maxLength: 320 })
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken: string;
}

export class TokenUserDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: 320 }) email: string;
  @ApiProperty({ enum: ['admin', 'researcher', 'brand', 'panellist'] }) role: Role;
}

export class TokenPairDto {
  @ApiProperty({ maxLength: 2000 }) accessToken: string;
  @ApiProperty({ maxLength: 200 }) refreshToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 86_400, description: 'access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ type: TokenUserDto }) user: TokenUserDto;
}

/** A browser session's answer: the login body without the refresh token, which travels in the HttpOnly cookie. */
export class BrowserSessionDto extends OmitType(TokenPairDto, ['refreshToken'] as const) {}

export class MeDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: 320 }) email: string;
  @ApiProperty({ enum: ['admin', 'researcher', 'brand', 'panellist'] }) role: Role;
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 }) brandId?: string;
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 }) panellistId?: string;
  @ApiProperty({ description: 'the password was chosen by an admin: change it (POST /auth/password)' }) mustChangePassword: boolean;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 200, description: 'at least 10 characters, not a common password' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}

export class EmailOnlyDto {
  @ApiProperty({ format: 'email', maxLength: 320 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(320)
  email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ maxLength: 200, description: 'the token of the link /reset?token=…' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 10, maxLength: 200, description: 'at least 10 characters, not a common password' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  newPassword: string;
}
