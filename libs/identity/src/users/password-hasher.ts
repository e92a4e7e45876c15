import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { APP_CONFIG, type AppConfig } from '@leadpanel/platform';

export { MIN_PASSWORD_LENGTH } from './password-policy';

/**
 * argon2id with the library's defaults (t=3, p=4) and PASSWORD_HASH_MEMORY_KIB (64 MiB unless
 * set). A hash records its own parameters: changing the setting never breaks a stored password.
 */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: this.config.auth.passwordHashMemoryKib });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of a real verification, so that unknown e-mails cannot be told apart by timing. */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash('not-a-real-password-0000');
    await this.verify(await this.dummy, password);
    return false;
  }
}
