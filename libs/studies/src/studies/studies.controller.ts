import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, PageQueryDto, Roles, type AuthUser } from '@leadpanel/platform';
import {
  ListInvitationsQueryDto,
  CreateWaveDto,
  PreviewWaveDto,
  InvitationPageDto,
  ParticipantPageDto,
} from '../invitations/dto/invitation.dto';
import { InvitationsService } from '../invitations/invitations.service';
import {
  CreateStudyDto,
  ListStudiesQueryDto,
  PreviewEligibilityDto,
  StudyPageDto,
  StudyResponseDto,
  TransitionDto,
  UpdateStudyDto,
} from './dto/study.dto';
import { EligibilityExplanationDto, EligibilityPreviewDto, StudyCellsDto, WavePreviewDto, WaveResponseDto } from './dto/eligibility.dto';
import { StudiesService } from './studies.service';

@ApiTags('studies')
@ApiBearerAuth()
@Controller('studies')
export class StudiesController {
  constructor(
    private readonly studies: StudiesService,
    private readonly invitations: InvitationsService,
  ) {}

  @Post()
  @Roles('researcher')
  @ApiCreatedResponse({ type: StudyResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateStudyDto): Promise<StudyResponseDto> {
    return this.studies.create(user, dto);
  }

  @Get()
  @Roles('researcher', 'brand')
  @ApiOkResponse({ type: StudyPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListStudiesQueryDto): Promise<StudyPageDto> {
    return this.studies.list(user, query);
  }

  @Get(':id')
  @Roles('researcher', 'brand')
  @ApiOkResponse({ type: StudyResponseDto })
  get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<StudyResponseDto> {
    return this.studies.get(user, id);
  }

  @Patch(':id')
  @Roles('researcher')
  @ApiOkResponse({ type: StudyResponseDto })
  update(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: UpdateStudyDto): Promise<StudyResponseDto> {
    return this.studies.update(user, id, dto);
  }

  @Post(':id/transitions')
  @Roles('researcher')
  @HttpCode(200)
  @ApiOkResponse({ type: StudyResponseDto })
  transition(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: TransitionDto): Promise<StudyResponseDto> {
    return this.studies.transition(user, id, dto.to);
  }

  @Post(':id/eligibility/preview')
  @Roles('researcher')
  @HttpCode(200)
  @ApiOkResponse({
    type: EligibilityPreviewDto,
    description:
      "eligible panellists in total and per quota cell; with criteria or quotas in the body, for those (unsaved) instead of the study's",
  })
  // the body is optional and read leniently (unknown fields ignored, as before it existed); criteria and
  // quotas, when present, are checked as a PATCH checks them (400 with the fields)
  @ApiBody({ type: PreviewEligibilityDto, required: false })
  preview(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() body: unknown): Promise<EligibilityPreviewDto> {
    const unsaved = typeof body === 'object' && body !== null ? (body as PreviewEligibilityDto) : {};
    return this.studies.preview(user, id, { criteria: unsaved.criteria, quotas: unsaved.quotas });
  }

  @Get(':id/cells')
  @Roles('researcher')
  @ApiOkResponse({ type: StudyCellsDto, description: 'participants and invitations per quota cell, counted' })
  cells(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<StudyCellsDto> {
    return this.studies.cellCounts(user, id);
  }

  @Get(':id/eligibility/explain/:panellistId')
  @Roles('researcher')
  @ApiOkResponse({ type: EligibilityExplanationDto, description: 'every rule, in order, with whether it passed and why' })
  explain(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @UuidParam('panellistId') panellistId: string,
  ): Promise<EligibilityExplanationDto> {
    return this.studies.explain(user, id, panellistId);
  }

  @Post(':id/waves')
  @Roles('researcher')
  @ApiCreatedResponse({ type: WaveResponseDto })
  wave(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: CreateWaveDto): Promise<WaveResponseDto> {
    return this.invitations.createWave(user, id, dto);
  }

  @Post(':id/waves/preview')
  @Roles('researcher')
  @HttpCode(200)
  @ApiOkResponse({ type: WavePreviewDto, description: 'who a wave would invite per cell, with the seed to send it with; nothing is sent' })
  previewWave(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: PreviewWaveDto): Promise<WavePreviewDto> {
    return this.invitations.previewWave(user, id, dto);
  }

  @Get(':id/invitations')
  @Roles('researcher')
  @ApiOkResponse({ type: InvitationPageDto, description: 'page of invitations (no PII)' })
  invitationsOf(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Query() query: ListInvitationsQueryDto,
  ): Promise<InvitationPageDto> {
    return this.invitations.listForStudy(user, id, query);
  }

  @Get(':id/participants')
  @Roles('researcher')
  @ApiOkResponse({ type: ParticipantPageDto, description: 'page of participants (no PII)' })
  participants(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: PageQueryDto): Promise<ParticipantPageDto> {
    return this.invitations.participantsOf(user, id, query);
  }
}
