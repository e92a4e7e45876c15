import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, UuidParam, type AuthUser } from '@leadpanel/platform';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto, UserPageDto, UserResponseDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** The admin chose the password: the new user must change it (mustChangePassword). */
  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserResponseDto })
  create(@Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return this.users.createStaff(dto, { mustChangePassword: true });
  }

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    const { role, brandId, status, q } = query;
    return this.users.list({ role, brandId, status, q }, query);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'disabling oneself, or an erased account' })
  update(@CurrentUser() actor: AuthUser, @UuidParam() id: string, @Body() dto: UpdateUserDto): Promise<UserResponseDto> {
    return this.users.changeStatus(actor, id, dto.status);
  }
}
