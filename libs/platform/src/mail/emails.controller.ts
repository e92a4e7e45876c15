import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../http/bounds';
import { EmailPageDto, EmailResponseDto, ListEmailsQueryDto } from './dto/email.dto';
import { EmailsService } from './emails.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('emails')
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  @Get()
  @Roles('researcher', 'admin')
  @ApiOkResponse({ type: EmailPageDto, description: 'newest first; `?status=failed` lists what did not go out, with the relay’s answer' })
  list(@Query() query: ListEmailsQueryDto): Promise<EmailPageDto> {
    return this.emails.list(query);
  }

  @Post(':id/retry')
  @Roles('researcher', 'admin')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: EmailResponseDto,
    description: 'queued again (status pending); 409 `email-not-failed` unless it had failed',
  })
  retry(@UuidParam() id: string): Promise<EmailResponseDto> {
    return this.emails.retry(id);
  }
}
