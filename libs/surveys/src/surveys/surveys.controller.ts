import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, Roles, type AuthUser } from '@leadpanel/platform';
import { CreateSurveyDto, SurveyResponseDto, UpdateSurveyDto } from './dto/survey.dto';
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
