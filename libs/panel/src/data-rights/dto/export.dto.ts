import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { DATE_TIME_DOC, PANELLIST_STATUSES, UUID_DOC } from '@leadpanel/platform';
import { MyPointsDto, ProfileDto } from '../../panellists/dto/panellist.dto';

/**
 * GET /me/export: every section the contexts register with the PersonalDataRegistry. The
 * sections of other contexts are described by those contexts (`<Name>ExportDto`, added to the
 * document with @ApiExtraModels on their controllers) and referenced here by name: the panel
 * does not import the contexts built on it.
 */
const section = (name: string, description: string) => ({ allOf: [{ $ref: getSchemaPath(name) }], description });
const rows = (name: string, description: string) => ({
  type: 'array' as const,
  maxItems: 1_000_000,
  items: { $ref: getSchemaPath(name) },
  description,
});

export class ExportAccountDto {
  @ApiProperty(UUID_DOC) id: string;
  @ApiProperty({ maxLength: 320 }) email: string;
  @ApiProperty({ enum: ['panellist'] }) role: string;
}

export class ConsentExportDto {
  @ApiProperty({ maxLength: 50 }) termsVersion: string;
  @ApiProperty() research: boolean;
  @ApiProperty() productTesting: boolean;
  @ApiProperty({ type: String, nullable: true, maxLength: 64, description: 'the address the consent came from' }) ip: string | null;
  @ApiProperty(DATE_TIME_DOC) grantedAt: Date;
}

export class ScreenerAnswersExportDto {
  @ApiProperty(UUID_DOC) campaignId: string;
  @ApiProperty(UUID_DOC) surveyId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      oneOf: [
        { type: 'string', maxLength: 10_000 },
        { type: 'number', minimum: -Number.MAX_VALUE, maximum: Number.MAX_VALUE },
        { type: 'boolean' },
        { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 100 } },
        { type: 'array', maxItems: 10, items: { type: 'integer', minimum: 1, maximum: 5 } },
      ],
    },
    description: 'my screener answers by question id (emptied by erasure)',
  })
  answers: Record<string, unknown>;
  @ApiProperty(DATE_TIME_DOC) at: Date;
}

export class ReferralExportDto {
  @ApiProperty({ maxLength: 100 }) nomineeName: string;
  @ApiProperty({ maxLength: 320 }) nomineeEmail: string;
  @ApiProperty({ maxLength: 1000 }) reason: string;
  @ApiProperty({ description: 'the nominee applied' }) joined: boolean;
  @ApiProperty(DATE_TIME_DOC) at: Date;
}

export class StatusHistoryExportDto {
  @ApiProperty({ enum: PANELLIST_STATUSES, nullable: true }) from: string | null;
  @ApiProperty({ enum: PANELLIST_STATUSES }) to: string;
  @ApiProperty({ maxLength: 500 }) reason: string;
  @ApiProperty(DATE_TIME_DOC) at: Date;
}

export class EmailExportDto {
  @ApiProperty({ maxLength: 100 }) template: string;
  @ApiProperty({ maxLength: 320 }) recipient: string;
  @ApiProperty({ maxLength: 500, nullable: true, type: String }) subject: string | null;
  @ApiProperty({ maxLength: 20, description: 'queued, sent, failed or cancelled' }) status: string;
  @ApiProperty(DATE_TIME_DOC) createdAt: Date;
  @ApiProperty({ ...DATE_TIME_DOC, type: String, nullable: true }) sentAt: Date | null;
}

export class MyExportDto {
  @ApiProperty(DATE_TIME_DOC) exportedAt: string;
  @ApiProperty({ type: ExportAccountDto }) account: ExportAccountDto;
  @ApiProperty({ type: ProfileDto }) profile: ProfileDto;
  @ApiProperty({ type: [ConsentExportDto], maxItems: 1_000_000 }) consents: ConsentExportDto[];
  @ApiProperty({ type: [ScreenerAnswersExportDto], maxItems: 1_000_000 }) screenerAnswers: ScreenerAnswersExportDto[];
  @ApiProperty({ type: [ReferralExportDto], maxItems: 1_000_000 }) referralsMade: ReferralExportDto[];
  @ApiProperty({ type: MyPointsDto }) points: MyPointsDto;
  @ApiProperty({ type: [StatusHistoryExportDto], maxItems: 1_000_000 }) statusHistory: StatusHistoryExportDto[];
  @ApiProperty({ type: [EmailExportDto], maxItems: 1_000_000, description: 'e-mails sent to me' }) emails: EmailExportDto[];
  @ApiProperty(rows('InvitationExportDto', 'my study invitations')) invitations: unknown[];
  @ApiProperty(section('DiscussionsExportDto', 'my posts and likes')) discussions: unknown;
  @ApiProperty(rows('ShipmentExportDto', 'products sent to me')) shipments: unknown[];
  @ApiProperty(rows('SurveyAnswersExportDto', 'my survey assignments and answers')) surveyAnswers: unknown[];
  @ApiProperty(section('FeedbackExportDto', 'the feedback I filed and my "me too"s')) feedback: unknown;
}
