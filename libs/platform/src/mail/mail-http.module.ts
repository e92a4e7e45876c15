import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailMessageEntity } from './email-message.entity';
import { EmailsController } from './emails.controller';
import { EmailsService } from './emails.service';

/** The e-mail log for staff (`/emails`): api only. */
@Module({
  imports: [TypeOrmModule.forFeature([EmailMessageEntity])],
  controllers: [EmailsController],
  providers: [EmailsService],
})
export class MailHttpModule {}
