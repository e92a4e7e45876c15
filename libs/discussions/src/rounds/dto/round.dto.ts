import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IsDateTime } from '@leadpanel/platform';
import { DISCUSSION_LIMITS, ROUND_MODES, type RoundMode, type RoundState } from '../../domain/discussion-rules';

export class CreateRoundDto {
  @ApiProperty({ minLength: 1, maxLength: DISCUSSION_LIMITS.title, description: 'trimmed; 1–200 characters' })
  @IsString()
  @MaxLength(DISCUSSION_LIMITS.title * 2)
  title: string;

  @ApiProperty({
    minLength: 1,
    maxLength: DISCUSSION_LIMITS.prompt,
    description: 'the themed question participants answer; plain text, trimmed',
  })
  @IsString()
  @MaxLength(DISCUSSION_LIMITS.prompt * 2)
  prompt: string;

  @ApiProperty({ format: 'date-time', maxLength: 40, description: 'participants may post from this moment' })
  @IsDateTime()
  opensAt: Date;

  @ApiProperty({
    format: 'date-time',
    maxLength: 40,
    description: 'after opensAt, and in the future; participants may post until this moment (excluded)',
  })
  @IsDateTime()
  closesAt: Date;

  @ApiProperty({ enum: ROUND_MODES, description: 'post_first: a participant reads the others only after a top-level post of their own' })
  @IsIn(ROUND_MODES)
  mode: RoundMode;
}

export class RoundResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) studyId: string;
  @ApiProperty({ maxLength: DISCUSSION_LIMITS.title }) title: string;
  @ApiProperty({ maxLength: DISCUSSION_LIMITS.prompt }) prompt: string;
  @ApiProperty({ enum: ROUND_MODES }) mode: RoundMode;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) opensAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) closesAt: Date;
  @ApiProperty({ enum: ['scheduled', 'open', 'closed'] }) state: RoundState;
  @ApiPropertyOptional({ description: 'panellists only: whether they have a top-level post in this round' }) hasPosted?: boolean;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
}

export class RoundPageDto {
  @ApiProperty({ type: [RoundResponseDto], maxItems: 100 }) items: RoundResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}
