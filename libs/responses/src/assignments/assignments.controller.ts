import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, PageQueryDto, Roles, type AuthUser } from '@leadpanel/platform';
import { AssignmentsService } from './assignments.service';
import {
  AssignedDto,
  AssignmentDetailDto,
  CreateAssignmentsDto,
  MyAssignmentPageDto,
  SaveAnswersDto,
  SubmitDto,
  SubmitResultDto,
  SurveyResponsePageDto,
  SurveyAnswersExportDto,
} from './dto/assignment.dto';

@ApiTags('surveys')
@ApiBearerAuth()
/** the shape of this context's section of GET /me/export (referenced by name from there) */
@ApiExtraModels(SurveyAnswersExportDto)
@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post('surveys/:id/assignments')
  @Roles('researcher')
  @ApiCreatedResponse({ type: AssignedDto })
  assign(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: CreateAssignmentsDto): Promise<AssignedDto> {
    return this.assignments.assign(user, id, dto);
  }

  @Get('surveys/:id/responses')
  @Roles('researcher')
  @ApiOkResponse({ type: SurveyResponsePageDto, description: 'page of pseudonymised responses' })
  responses(@UuidParam() id: string, @Query() query: PageQueryDto): Promise<SurveyResponsePageDto> {
    return this.assignments.responses(id, query);
  }

  @Get('me/assignments')
  @Roles('panellist')
  @ApiOkResponse({ type: MyAssignmentPageDto, description: 'page of my assignments' })
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<MyAssignmentPageDto> {
    return this.assignments.mine(user, query);
  }

  @Get('me/assignments/:id')
  @Roles('panellist')
  @ApiOkResponse({ type: AssignmentDetailDto, description: 'the survey and my saved answers' })
  one(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<AssignmentDetailDto> {
    return this.assignments.mineOne(user, id);
  }

  @Put('me/assignments/:id/answers')
  @Roles('panellist')
  @ApiOkResponse({ type: AssignmentDetailDto, description: 'the survey and my saved answers' })
  save(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: SaveAnswersDto): Promise<AssignmentDetailDto> {
    return this.assignments.save(user, id, dto.answers);
  }

  @Post('me/assignments/:id/submit')
  @Roles('panellist')
  @HttpCode(200)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a retry with the same key returns the first result',
    schema: { type: 'string', maxLength: 200, pattern: '^[A-Za-z0-9._:-]{1,200}$' },
  })
  @ApiOkResponse({ type: SubmitResultDto })
  submit(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() dto: SubmitDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<SubmitResultDto> {
    return this.assignments.submit(user, id, dto.answers, key);
  }
}
