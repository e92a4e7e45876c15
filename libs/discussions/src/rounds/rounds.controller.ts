import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, PageQueryDto, Roles, type AuthUser } from '@leadpanel/platform';
import { CreateRoundDto, RoundPageDto, RoundResponseDto } from './dto/round.dto';
import { RoundsService } from './rounds.service';

@ApiTags('discussions')
@ApiBearerAuth()
@Controller()
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Post('studies/:id/rounds')
  @Roles('researcher')
  @ApiCreatedResponse({ type: RoundResponseDto, description: 'opensAt < closesAt (400 otherwise); 409 in a closed study' })
  create(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: CreateRoundDto): Promise<RoundResponseDto> {
    return this.rounds.create(user, id, dto);
  }

  @Get('studies/:id/rounds')
  @Roles('researcher', 'panellist')
  @ApiOkResponse({ type: RoundPageDto, description: 'in the order they open; enrolled participants only (403 NOT_A_PARTICIPANT)' })
  list(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: PageQueryDto): Promise<RoundPageDto> {
    return this.rounds.list(user, id, query);
  }

  @Get('rounds/:id')
  @Roles('researcher', 'panellist')
  @ApiOkResponse({ type: RoundResponseDto })
  get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<RoundResponseDto> {
    return this.rounds.get(user, id);
  }
}
