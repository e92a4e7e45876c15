import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, Roles, type AuthUser } from '@leadpanel/platform';
import { CreateSurveyDto, ListSurveysQueryDto, SurveyResponseDto, SurveySummaryPageDto, UpdateSurveyDto } from './dto/survey.dto';
import { SurveysService } from './surveys.service';

@ApiTags('surveys')
@ApiBearerAuth()
@Roles('researcher')
@Controller('surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Post()
  @ApiCreatedResponse({ type: SurveyResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSurveyDto): Promise<SurveyResponseDto> {
    return this.surveys.create(user, dto);
  }

  @Get()
  @ApiOkResponse({ type: SurveySummaryPageDto, description: 'page of surveys, newest first' })
  list(@Query() query: ListSurveysQueryDto): Promise<SurveySummaryPageDto> {
    const { studyId, kind, status, limit, cursor } = query;
    return this.surveys.list({ studyId, kind, status }, { limit, cursor });
  }

  @Patch(':id')
  @ApiOkResponse({ type: SurveyResponseDto })
  update(@UuidParam() id: string, @Body() dto: UpdateSurveyDto): Promise<SurveyResponseDto> {
    return this.surveys.update(id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: SurveyResponseDto })
  publish(@UuidParam() id: string): Promise<SurveyResponseDto> {
    return this.surveys.publish(id);
  }

  @Get(':id')
  @ApiOkResponse({ type: SurveyResponseDto })
  get(@UuidParam() id: string): Promise<SurveyResponseDto> {
    return this.surveys.get(id);
  }
}
