import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, PageQueryDto, Roles, type AuthUser } from '@leadpanel/platform';
import { CodePageDto, CodeResponseDto, CreateCodeDto } from './dto/code.dto';
import { CodesService } from './codes.service';

@ApiTags('discussions')
@ApiBearerAuth()
@Controller('studies/:id/codes')
export class CodesController {
  constructor(private readonly codes: CodesService) {}

  @Post()
  @Roles('researcher')
  @ApiCreatedResponse({ type: CodeResponseDto, description: '409 CODE_NAME_TAKEN when the study has a code of that name in any case' })
  create(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: CreateCodeDto): Promise<CodeResponseDto> {
    return this.codes.create(user, id, dto);
  }

  @Get()
  @Roles('researcher')
  @ApiOkResponse({ type: CodePageDto, description: 'the code book, each code with the number of posts carrying it' })
  list(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: PageQueryDto): Promise<CodePageDto> {
    return this.codes.list(user, id, query);
  }
}
