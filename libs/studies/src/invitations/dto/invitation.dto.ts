import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DATE_TIME_DOC, PageQueryDto, UUID_DOC } from '@leadpanel/platform';
import { STUDY_STATUSES, type StudyStatus } from '../../domain/study-status';
import type { InvitationStatus } from '../invitation.entity';
import type { ParticipantStatus } from '../participant.entity';

export const INVITATION_STATUSES = ['invited', 'accepted', 'declined', 'expired', 'waitlisted'] as const;
export const PARTICIPANT_STATUSES = ['enrolled', 'waitlisted', 'withdrawn'] as const satisfies readonly ParticipantStatus[];

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

/** A wave to preview: as a wave, without its expiry (nothing is sent). */
export class PreviewWaveDto {
  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  size: number;

  @ApiPropertyOptional({ maxLength: 100, description: 'absent: one is drawn and returned, to send the same wave with' })
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

const CELLS_DOC = {
  type: 'array',
  maxItems: 500,
  items: { type: 'string', maxLength: 200 },
  description: 'the quota cells (dimension=value) the panellist counts in',
} as const;

export class InvitationResponseDto {
  @ApiProperty(UUID_DOC) id: string;
  @ApiProperty(UUID_DOC) studyId: string;
  @ApiProperty(UUID_DOC) waveId: string;
  @ApiProperty(UUID_DOC) panellistId: string;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty(CELLS_DOC) cells: string[];
  @ApiProperty(DATE_TIME_DOC) expiresAt: Date;
  @ApiProperty({ ...DATE_TIME_DOC, type: String, nullable: true }) respondedAt: Date | null;
  @ApiProperty(DATE_TIME_DOC) createdAt: Date;
}

export class InvitationPageDto {
  @ApiProperty({ type: [InvitationResponseDto], maxItems: 100 }) items: InvitationResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export class ParticipantResponseDto {
  @ApiProperty(UUID_DOC) id: string;
  @ApiProperty(UUID_DOC) panellistId: string;
  @ApiProperty({ enum: PARTICIPANT_STATUSES }) status: ParticipantStatus;
  @ApiProperty(CELLS_DOC) cells: string[];
  @ApiProperty(UUID_DOC) invitationId: string;
  @ApiProperty(DATE_TIME_DOC) joinedAt: Date;
}

export class ParticipantPageDto {
  @ApiProperty({ type: [ParticipantResponseDto], maxItems: 100 }) items: ParticipantResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export class MyInvitationResponseDto {
  @ApiProperty(UUID_DOC) id: string;
  @ApiProperty(UUID_DOC) studyId: string;
  @ApiProperty({ maxLength: 200 }) studyTitle: string;
  @ApiProperty({ maxLength: 200 }) theme: string;
  @ApiProperty({ maxLength: 20000 }) brief: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100000, description: "the study's incentive points" }) incentivePoints: number;
  @ApiProperty({ enum: INVITATION_STATUSES, description: 'an unanswered invitation past its expiry reads expired' })
  status: InvitationStatus;
  @ApiProperty(DATE_TIME_DOC) expiresAt: Date;
  @ApiProperty(DATE_TIME_DOC) createdAt: Date;
}

export class MyInvitationPageDto {
  @ApiProperty({ type: [MyInvitationResponseDto], maxItems: 100 }) items: MyInvitationResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export class AcceptInvitationResponseDto {
  @ApiProperty({ enum: ['accepted', 'waitlisted'], description: 'waitlisted when one of my quota cells is full' })
  status: 'accepted' | 'waitlisted';
}

export class DeclineInvitationResponseDto {
  @ApiProperty({ enum: ['declined'] }) status: 'declined';
}

export class MyStudyResponseDto {
  @ApiProperty(UUID_DOC) studyId: string;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty({ maxLength: 200 }) theme: string;
  @ApiProperty({ enum: STUDY_STATUSES }) studyStatus: StudyStatus;
  @ApiProperty({ enum: PARTICIPANT_STATUSES }) participation: ParticipantStatus;
  @ApiProperty(DATE_TIME_DOC) joinedAt: Date;
}

export class MyStudyPageDto {
  @ApiProperty({ type: [MyStudyResponseDto], maxItems: 100 }) items: MyStudyResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

/** One row of section `invitations` of GET /me/export. */
export class InvitationExportDto {
  @ApiProperty(UUID_DOC) id: string;
  @ApiProperty({ maxLength: 200, description: 'the study title' }) study: string;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty(DATE_TIME_DOC) invitedAt: Date;
  @ApiProperty({ ...DATE_TIME_DOC, type: String, nullable: true }) respondedAt: Date | null;
  @ApiProperty({ enum: PARTICIPANT_STATUSES, nullable: true, description: 'null unless I joined the study' })
  participation: ParticipantStatus | null;
}
