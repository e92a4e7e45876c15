import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
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

export class MeDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: 320 }) email: string;
  @ApiProperty({ enum: ['admin', 'researcher', 'brand', 'panellist'] }) role: Role;
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 }) brandId?: string;
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36 }) panellistId?: string;
}
