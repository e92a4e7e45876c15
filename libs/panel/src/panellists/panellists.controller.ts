import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, Roles, type AuthUser } from '@leadpanel/platform';
import { ChangeStatusDto, ListPanellistsQueryDto, PanellistDetailDto, PanellistPageDto } from './dto/panellist.dto';
import { PanellistsService } from './panellists.service';

@ApiTags('panel')
@ApiBearerAuth()
@Roles('researcher')
@Controller('panellists')
export class PanellistsController {
  constructor(private readonly panellists: PanellistsService) {}

  @Get()
  @ApiOkResponse({ type: PanellistPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListPanellistsQueryDto): Promise<PanellistPageDto> {
    return this.panellists.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({
    type: PanellistDetailDto,
    description: 'profile, score breakdown by dimension, referral chain, participation, status history (the read is audited)',
  })
  detail(@UuidParam() id: string): Promise<PanellistDetailDto> {
    return this.panellists.detail(id);
  }

  @Patch(':id/status')
  @ApiOkResponse({ type: PanellistDetailDto, description: 'the panellist after the change' })
  changeStatus(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: ChangeStatusDto): Promise<PanellistDetailDto> {
    return this.panellists.changeStatus(user, id, dto.status, dto.reason);
  }
}
