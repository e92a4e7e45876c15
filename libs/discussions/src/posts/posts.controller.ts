import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, UuidParam, PageQueryDto, Roles, type AuthUser } from '@leadpanel/platform';
import {
  CreatePostDto,
  LikesResponseDto,
  ListPostsQueryDto,
  ModeratePostDto,
  PostPageDto,
  PostResponseDto,
  SetCodesDto,
  UpdatePostDto,
  DiscussionsExportDto,
} from './dto/post.dto';
import { PostsService } from './posts.service';

const GATE = 'in a post_first round, 403 with type urn:leadpanel:problem:post-first until the participant has a top-level post';

@ApiTags('discussions')
@ApiBearerAuth()
/** the shape of this context's section of GET /me/export (referenced by name from there) */
@ApiExtraModels(DiscussionsExportDto)
@Controller()
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  @Get('rounds/:id/posts')
  @Roles('researcher', 'panellist')
  @ApiOkResponse({ type: PostPageDto, description: `top-level posts in discussion order; ${GATE}` })
  list(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: ListPostsQueryDto): Promise<PostPageDto> {
    return this.posts.list(user, id, query);
  }

  @Post('rounds/:id/posts')
  @Roles('researcher', 'panellist')
  @ApiCreatedResponse({ type: PostResponseDto, description: 'participants only while the round is open (409 ROUND_NOT_OPEN)' })
  create(
    @CurrentUser() user: AuthUser,
    @UuidParam() id: string,
    @Body() dto: CreatePostDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<PostResponseDto> {
    return this.posts.create(user, id, dto, idempotencyKey);
  }

  @Get('posts/:id')
  @Roles('researcher', 'panellist')
  @ApiOkResponse({ type: PostResponseDto, description: GATE })
  get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<PostResponseDto> {
    return this.posts.get(user, id);
  }

  @Get('posts/:id/replies')
  @Roles('researcher', 'panellist')
  @ApiOkResponse({ type: PostPageDto, description: `oldest first; ${GATE}` })
  replies(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: PageQueryDto): Promise<PostPageDto> {
    return this.posts.replies(user, id, query);
  }

  @Patch('posts/:id')
  @Roles('researcher', 'panellist')
  @ApiOkResponse({ type: PostResponseDto, description: 'the author, within 15 minutes of writing it (409 EDIT_WINDOW_CLOSED)' })
  edit(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: UpdatePostDto): Promise<PostResponseDto> {
    return this.posts.edit(user, id, dto.body);
  }

  @Post('posts/:id/like')
  @Roles('panellist', 'researcher')
  @HttpCode(200)
  @ApiOkResponse({ type: LikesResponseDto, description: 'idempotent: one like per user' })
  like(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<LikesResponseDto> {
    return this.posts.like(user, id, true);
  }

  @Delete('posts/:id/like')
  @Roles('panellist', 'researcher')
  @HttpCode(200)
  @ApiOkResponse({ type: LikesResponseDto, description: 'idempotent' })
  unlike(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<LikesResponseDto> {
    return this.posts.like(user, id, false);
  }

  @Patch('posts/:id/moderation')
  @Roles('researcher')
  @ApiOkResponse({ type: PostResponseDto, description: 'at least one field; audited' })
  moderate(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: ModeratePostDto): Promise<PostResponseDto> {
    return this.posts.moderate(user, id, dto);
  }

  @Put('posts/:id/codes')
  @Roles('researcher')
  @ApiOkResponse({ type: PostResponseDto, description: 'replaces the codes of the post' })
  setCodes(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() dto: SetCodesDto): Promise<PostResponseDto> {
    return this.posts.setCodes(user, id, dto.codeIds);
  }
}
