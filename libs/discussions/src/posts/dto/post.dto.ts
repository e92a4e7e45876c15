import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { COUNT_DOC, PageQueryDto, uuidArrayDoc } from '@leadpanel/platform';
import {
  DISCUSSION_LIMITS,
  IDEA_STATUSES,
  POST_KINDS,
  POST_ORDERS,
  type IdeaStatus,
  type PostKind,
  type PostOrder,
} from '../../domain/discussion-rules';

const BODY_DOC = {
  minLength: 1,
  maxLength: DISCUSSION_LIMITS.body,
  description: 'plain text, 1–10,000 characters after trimming; stored and returned exactly as trimmed (never rendered as HTML)',
};

export class CreatePostDto {
  @ApiProperty(BODY_DOC)
  @IsString()
  @MaxLength(DISCUSSION_LIMITS.rawBody)
  body: string;

  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: 'reply to this top-level post of the same round' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  @MaxLength(36)
  parentId?: string;

  @ApiPropertyOptional({ enum: POST_KINDS, default: 'comment' })
  @IsOptional()
  @IsIn(POST_KINDS)
  kind?: PostKind;
}

export class UpdatePostDto {
  @ApiProperty(BODY_DOC)
  @IsString()
  @MaxLength(DISCUSSION_LIMITS.rawBody)
  body: string;
}

export class ModeratePostDto {
  @ApiPropertyOptional({ description: 'hidden posts (and the replies under them) vanish for panellists' })
  @ValidateIf((_o, v) => v !== undefined) // null is not "absent": it is refused
  @IsBoolean()
  hidden?: boolean;

  @ApiPropertyOptional({ description: 'top-level posts only' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsBoolean()
  pinned?: boolean;

  @ApiPropertyOptional({ enum: IDEA_STATUSES, description: 'ideas only' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIn(IDEA_STATUSES)
  ideaStatus?: IdeaStatus;
}

export class SetCodesDto {
  @ApiProperty({
    ...uuidArrayDoc(DISCUSSION_LIMITS.codesPerPost),
    description: 'codes of the post’s study; replaces its codes ([] clears them)',
  })
  @IsArray()
  @ArrayMaxSize(DISCUSSION_LIMITS.codesPerPost)
  @IsUUID('all', { each: true })
  codeIds: string[];
}

const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class ListPostsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: pinned posts only; false: unpinned only' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'pinned must be true or false' })
  pinned?: boolean;

  @ApiPropertyOptional({ enum: POST_KINDS })
  @IsOptional()
  @IsIn(POST_KINDS)
  kind?: PostKind;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: hidden posts only; false: visible ones only (panellists never see hidden posts: true gives them an empty page)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'hidden must be true or false' })
  hidden?: boolean;

  @ApiPropertyOptional({
    enum: POST_ORDERS,
    default: 'oldest',
    description: 'oldest first (the discussion as it happened) or newest first (a moderation queue); the cursor follows the order',
  })
  @IsOptional()
  @IsIn(POST_ORDERS)
  order?: PostOrder;
}

export class PostAuthorDto {
  @ApiProperty({ enum: ['panellist', 'researcher'] }) role: 'panellist' | 'researcher';
  @ApiPropertyOptional({ maxLength: 20, example: 'P-07', description: "a panellist's stable pseudonym in the study" }) pseudonym?: string;
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: 'researchers only' }) panellistId?: string;
  @ApiPropertyOptional({ format: 'uuid', maxLength: 36, description: "researchers only: a researcher author's user id" }) userId?: string;
}

export class PostCodeDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ maxLength: DISCUSSION_LIMITS.codeName }) name: string;
}

export class PostResponseDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) roundId: string;
  @ApiProperty({ format: 'uuid', maxLength: 36, nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ enum: POST_KINDS }) kind: PostKind;
  @ApiProperty({ maxLength: DISCUSSION_LIMITS.body, description: 'plain text' }) body: string;
  @ApiProperty({ type: PostAuthorDto }) author: PostAuthorDto;
  @ApiProperty({ description: 'the reader wrote it' }) mine: boolean;
  @ApiProperty(COUNT_DOC) likes: number;
  @ApiProperty() likedByMe: boolean;
  @ApiProperty({ ...COUNT_DOC, description: 'replies the reader can see' }) replyCount: number;
  @ApiProperty() pinned: boolean;
  @ApiPropertyOptional({ description: 'researchers only' }) hidden?: boolean;
  @ApiPropertyOptional({ enum: IDEA_STATUSES, description: 'ideas only' }) ideaStatus?: IdeaStatus;
  @ApiPropertyOptional({ type: [PostCodeDto], maxItems: DISCUSSION_LIMITS.codesPerPost, description: 'researchers only' })
  codes?: PostCodeDto[];
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 40, nullable: true, type: String }) editedAt: Date | null;
}

export class PostPageDto {
  @ApiProperty({ type: [PostResponseDto], maxItems: 100 }) items: PostResponseDto[];
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) nextCursor: string | null;
}

export class LikesResponseDto {
  @ApiProperty({ ...COUNT_DOC, description: "the post's likes after this call" }) likes: number;
}

export class PostExportDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) id: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) studyId: string;
  @ApiProperty({ format: 'uuid', maxLength: 36 }) roundId: string;
  @ApiProperty({ format: 'uuid', maxLength: 36, nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ enum: POST_KINDS }) kind: PostKind;
  @ApiProperty({ maxLength: DISCUSSION_LIMITS.body }) body: string;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) createdAt: Date;
  @ApiProperty({ format: 'date-time', maxLength: 40, nullable: true, type: String }) editedAt: Date | null;
}

export class LikeExportDto {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) postId: string;
  @ApiProperty({ format: 'date-time', maxLength: 40 }) at: Date;
}

/** Section `discussions` of GET /me/export: the posts I wrote and the likes I gave. */
export class DiscussionsExportDto {
  @ApiProperty({ type: [PostExportDto], maxItems: 1_000_000 }) posts: PostExportDto[];
  @ApiProperty({ type: [LikeExportDto], maxItems: 1_000_000 }) likes: LikeExportDto[];
}
