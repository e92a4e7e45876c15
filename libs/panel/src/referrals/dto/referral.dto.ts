import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateReferralDto {
  @ApiProperty({ format: 'email', maxLength: 320 })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ maxLength: 1000, description: 'why this person knows more' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

export class ReferralResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: 32 }) code: string;
  @ApiProperty({ maxLength: 100 }) nomineeName: string;
  @ApiProperty({ maxLength: 320 }) nomineeEmail: string;
  @ApiProperty({ maxLength: 60 }) campaignSlug: string;
  @ApiProperty({ maxLength: 500 }) joinUrl: string;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
}
