import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '@leadpanel/platform';

export const INVITATION_STATUSES = ['invited', 'accepted', 'declined', 'expired', 'waitlisted'] as const;

export class CreateWaveDto {
  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  size: number;

  @ApiProperty({ minimum: 1, maximum: 90 })
  @IsInt()
  @Min(1)
  @Max(90)
  expiresInDays: number;

  @ApiPropertyOptional({ maxLength: 100, description: 'same seed and same panel, same sample' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[\x20-\x7e]+$/, { message: 'seed must be printable ASCII' })
  seed?: string;
}

export class ListInvitationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: (typeof INVITATION_STATUSES)[number];
}
