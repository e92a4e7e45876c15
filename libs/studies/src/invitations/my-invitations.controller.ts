import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, PageQueryDto, Roles, type AuthUser } from '@leadpanel/platform';
import {
  AcceptInvitationResponseDto,
  DeclineInvitationResponseDto,
  MyInvitationPageDto,
  MyStudyPageDto,
  InvitationExportDto,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('me')
@ApiBearerAuth()
@Roles('panellist')
/** the shape of this context's section of GET /me/export (referenced by name from there) */
@ApiExtraModels(InvitationExportDto)
@Controller('me')
export class MyInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('invitations')
  @ApiOkResponse({ type: MyInvitationPageDto, description: 'page of my invitations with the study title and theme' })
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<MyInvitationPageDto> {
    return this.invitations.mine(user, query);
  }

  @Post('invitations/:id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: AcceptInvitationResponseDto })
  accept(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<AcceptInvitationResponseDto> {
    return this.invitations.accept(user, id);
  }

  @Post('invitations/:id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: DeclineInvitationResponseDto })
  decline(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<DeclineInvitationResponseDto> {
    return this.invitations.decline(user, id);
  }

  @Get('studies')
  @ApiOkResponse({ type: MyStudyPageDto, description: 'page of the studies I take part in (enrolled or waitlisted)' })
  studies(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<MyStudyPageDto> {
    return this.invitations.myStudies(user, query);
  }
}
