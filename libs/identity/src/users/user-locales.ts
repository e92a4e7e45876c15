import { Injectable } from '@nestjs/common';

export type MailLocale = 'en' | 'fr';
type LocaleResolver = (userId: string) => Promise<string | null>;

/**
 * The locale to write to a user in. Identity knows none (staff: English); the panel, higher up, registers
 * how to find a panellist's (as job processors register with the JobRegistry).
 */
@Injectable()
export class UserLocales {
  private resolver: LocaleResolver | null = null;

  register(resolver: LocaleResolver): void {
    this.resolver = resolver;
  }

  async of(userId: string): Promise<MailLocale> {
    return (await this.resolver?.(userId)) === 'fr' ? 'fr' : 'en';
  }
}
