import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@leadpanel/platform';
import { UserRepository } from '../users/user.repository';
import { UsersService } from '../users/users.service';

/** The first admin, from BOOTSTRAP_ADMIN_EMAIL/PASSWORD, created at API start only when no admin exists. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly usersService: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin || (await this.users.anyAdmin())) return;
    if (await this.usersService.emailTaken(admin.email)) {
      this.logger.warn(`BOOTSTRAP_ADMIN_EMAIL ${admin.email} belongs to a non-admin account; no admin created`);
      return;
    }
    try {
      await this.usersService.createStaff({ email: admin.email, password: admin.password, role: 'admin' });
      this.logger.log(`bootstrap admin ${admin.email} created`);
    } catch (err) {
      // another replica starting at the same moment created it
      if ((err as { code?: string }).code !== 'EMAIL_TAKEN') throw err;
    }
  }
}
