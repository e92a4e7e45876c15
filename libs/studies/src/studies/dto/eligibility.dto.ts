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
