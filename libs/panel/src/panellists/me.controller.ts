import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PublicFormRateLimit, Roles, type AuthUser } from '@leadpanel/platform';
import { DataRightsService } from '../data-rights/data-rights.service';
import { MyExportDto } from '../data-rights/dto/export.dto';
import { PointsService } from '../points/points.service';
import { CreateReferralDto, ReferralResponseDto } from '../referrals/dto/referral.dto';
import { ReferralsService } from '../referrals/referrals.service';
import { AddressDto, AddressResponseDto, MyPointsDto, OptOutResponseDto, ProfileDto, UpdateProfileDto } from './dto/panellist.dto';
import { PanellistsService, type AddressView, type ProfileView } from './panellists.service';

@ApiTags('me')
@ApiBearerAuth()
@Roles('panellist')
@Controller('me')
export class MeController {
  constructor(
    private readonly panellists: PanellistsService,
    private readonly referrals: ReferralsService,
    private readonly points: PointsService,
    private readonly dataRights: DataRightsService,
  ) {}

  @Get('profile')
  @ApiOkResponse({ type: ProfileDto })
  profile(@CurrentUser() user: AuthUser): Promise<ProfileView> {
    return this.panellists.myProfile(user);
  }

  @Patch('profile')
  @ApiOkResponse({ type: ProfileDto })
  updateProfile(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto): Promise<ProfileView> {
    return this.panellists.updateProfile(user, dto);
  }

  @Put('address')
  @ApiOkResponse({ type: AddressResponseDto })
  address(@CurrentUser() user: AuthUser, @Body() dto: AddressDto): Promise<AddressView> {
    return this.panellists.putAddress(user, dto);
  }

  @Post('referrals')
  @PublicFormRateLimit()
  @ApiCreatedResponse({ type: ReferralResponseDto })
  refer(@CurrentUser() user: AuthUser, @Body() dto: CreateReferralDto): Promise<ReferralResponseDto> {
    return this.referrals.nominate(user, dto);
  }

  @Get('points')
  @ApiOkResponse({ type: MyPointsDto })
  async myPoints(@CurrentUser() user: AuthUser): Promise<MyPointsDto> {
    await this.panellists.mustFind(user.id);
    return { balance: await this.points.balance(user.id), entries: await this.points.entries(user.id) };
  }

  @Post('opt-out')
  @HttpCode(200)
  @ApiOkResponse({ type: OptOutResponseDto })
  optOut(@CurrentUser() user: AuthUser): Promise<OptOutResponseDto> {
    return this.panellists.optOut(user);
  }

  @Get('export')
  @ApiOkResponse({ type: MyExportDto, description: 'all personal data held about me' })
  export(@CurrentUser() user: AuthUser): Promise<MyExportDto> {
    return this.dataRights.export(user);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'erased; tokens revoked' })
  async erase(@CurrentUser() user: AuthUser): Promise<void> {
    await this.dataRights.erase(user);
  }
}
