import { ApiProperty } from '@nestjs/swagger';
import { COUNT_DOC, UUID_DOC } from '@leadpanel/platform';

const DIMENSION_DOC = { maxLength: 100, description: 'country, gender, ageBand, tier or attribute:<key>' } as const;

export class EligibilityCellDto {
  @ApiProperty(DIMENSION_DOC) dimension: string;
  @ApiProperty({ maxLength: 100 }) value: string;
  @ApiProperty({ ...COUNT_DOC, description: 'eligible panellists in this cell' }) eligible: number;
  @ApiProperty(COUNT_DOC) target: number;
  @ApiProperty(COUNT_DOC) enrolled: number;
}

export class EligibilityPreviewDto {
  @ApiProperty({ ...COUNT_DOC, description: 'eligible panellists in total' }) eligible: number;
  @ApiProperty({ type: [EligibilityCellDto], maxItems: 500, description: 'one per quota cell' }) cells: EligibilityCellDto[];
}

export class ExplainReasonDto {
  @ApiProperty({
    maxLength: 100,
    description:
      'status, contact_cap, already_invited, country, age, gender, score, tier, interests, attribute:<key> or cell_full, in that order',
  })
  rule: string;
  @ApiProperty() passed: boolean;
  @ApiProperty({ maxLength: 2000 }) detail: string;
}

export class EligibilityExplanationDto {
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [ExplainReasonDto], maxItems: 100 }) reasons: ExplainReasonDto[];
}

export class WaveCellDto {
  @ApiProperty(DIMENSION_DOC) dimension: string;
  @ApiProperty({ maxLength: 100 }) value: string;
  @ApiProperty(COUNT_DOC) target: number;
  @ApiProperty(COUNT_DOC) enrolled: number;
  @ApiProperty({ ...COUNT_DOC, description: 'invited in this wave' }) invited: number;
}

export class WaveResponseDto {
  @ApiProperty(UUID_DOC) waveId: string;
  @ApiProperty({ ...COUNT_DOC, description: 'invitations created' }) invited: number;
  @ApiProperty({ maxLength: 100, description: 'the seed of the sample (given, or drawn)' }) seed: string;
  @ApiProperty({ type: [WaveCellDto], maxItems: 500 }) cells: WaveCellDto[];
}

export class WavePreviewDto {
  @ApiProperty({ ...COUNT_DOC, description: 'panellists the wave would invite' }) invited: number;
  @ApiProperty({
    maxLength: 100,
    description: 'the seed of the sample (given, or drawn): send the wave with it to invite these panellists',
  })
  seed: string;
  @ApiProperty({ type: [WaveCellDto], maxItems: 500, description: 'per quota cell, invited = who the wave would invite' })
  cells: WaveCellDto[];
}

export class StudyCellCountsDto {
  @ApiProperty(DIMENSION_DOC) dimension: string;
  @ApiProperty({ maxLength: 100 }) value: string;
  @ApiProperty(COUNT_DOC) target: number;
  @ApiProperty({ ...COUNT_DOC, description: 'participants enrolled in this cell' }) enrolled: number;
  @ApiProperty({ ...COUNT_DOC, description: 'participants waitlisted in this cell' }) waitlisted: number;
  @ApiProperty({ ...COUNT_DOC, description: 'invitations unanswered and not expired' }) pending: number;
  @ApiProperty(COUNT_DOC) declined: number;
  @ApiProperty({ ...COUNT_DOC, description: 'invitations past their expiry without an answer' }) expired: number;
  @ApiProperty({ ...COUNT_DOC, description: 'invitations sent in this cell' }) invited: number;
}

export class StudyCellsDto {
  @ApiProperty({ type: [StudyCellCountsDto], maxItems: 500, description: 'one per quota cell, in the order of the study' })
  cells: StudyCellCountsDto[];
}
