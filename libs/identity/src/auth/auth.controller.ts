import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentUser, LoginRateLimit, Public, PublicFormRateLimit, type AuthUser } from '@leadpanel/platform';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { ChangePasswordDto, EmailOnlyDto, LoginDto, MeDto, PasswordResetConfirmDto, RefreshDto, TokenPairDto } from './dto/auth.dto';
import { PasswordService } from './password.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @LoginRateLimit()
  @ApiOkResponse({ type: TokenPairDto })
  @ApiTooManyRequestsResponse({ description: 'too many attempts for this address and e-mail' })
  @ApiUnauthorizedResponse({ description: 'wrong e-mail or password, or a disabled account' })
  @ApiForbiddenResponse({ description: 'right password, e-mail not confirmed yet (email-not-confirmed)' })
  login(@Body() dto: LoginDto): Promise<TokenPairDto> {
    return this.auth.login(dto.email, dto.password);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  @ApiUnauthorizedResponse({ description: 'unknown, expired or reused refresh token (reuse revokes the whole session)' })
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  async logout(@CurrentUser() user: AuthUser, @Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(user, dto.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    const { mustChangePassword } = await this.users.get(user.id);
    const me: MeDto = { id: user.id, email: user.email, role: user.role, mustChangePassword };
    if (user.brandId) me.brandId = user.brandId;
    // a panellist's Panellist record shares the user's id
    if (user.role === 'panellist') me.panellistId = user.id;
    return me;
  }

  /** The caller's other sessions end; this one stays valid. Clears mustChangePassword. */
  @Post('password')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'wrong currentPassword (wrong-current-password), or a newPassword too short or too common' })
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.passwords.change(user, dto.currentPassword, dto.newPassword);
  }
}

@ApiTags('auth')
@Public()
@Controller('public/password-reset')
export class PasswordResetController {
  constructor(private readonly passwords: PasswordService) {}

  /** 202 whatever the address; an active account gets the link `$PUBLIC_BASE_URL/reset?token=…` (1 hour, single use). */
  @Post()
  @HttpCode(202)
  @LoginRateLimit()
  @PublicFormRateLimit()
  @ApiAcceptedResponse({ description: 'accepted; an e-mail goes out if the address has an account' })
  @ApiTooManyRequestsResponse({ description: 'too many requests from this address or for this e-mail' })
  async request(@Body() dto: EmailOnlyDto): Promise<void> {
    await this.passwords.requestReset(dto.email);
  }

  /** 204; every session of the account ends. A used, expired or unknown token: 400 invalid-reset-token. */
  @Post('confirm')
  @HttpCode(204)
  @PublicFormRateLimit()
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'invalid-reset-token, or a newPassword too short or too common' })
  async confirm(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    await this.passwords.confirmReset(dto.token, dto.newPassword);
  }
}
