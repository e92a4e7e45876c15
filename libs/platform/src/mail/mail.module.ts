import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { EmailMessageEntity } from './email-message.entity';
import { MailTemplates } from './mail-templates';
import { FileMailTransport, MailTransport, SmtpMailTransport } from './mail-transport';
import { MailService } from './mail.service';

@Global()
@Module({})
export class MailModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MailModule,
      imports: [TypeOrmModule.forFeature([EmailMessageEntity])],
      providers: [
        MailService,
        { provide: MailTemplates, useValue: new MailTemplates() },
        {
          provide: MailTransport,
          useFactory: () => (config.mail.smtpUrl ? new SmtpMailTransport(config.mail.smtpUrl) : new FileMailTransport(config.mail.mailDir)),
        },
      ],
      exports: [MailService, MailTemplates, MailTransport],
    };
  }
}
