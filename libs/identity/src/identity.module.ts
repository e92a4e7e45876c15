import { createSecretKey } from 'node:crypto';
import { join } from 'node:path';
import { Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, MailService, type AppConfig } from '@leadpanel/platform';
import { AuthController, PasswordResetController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthSessionEntity } from './auth/auth-session.entity';
import { AuthService } from './auth/auth.service';
import { BrowserClientGuard } from './auth/browser-client.guard';
import { BrowserSessionController } from './auth/browser-session.controller';
import { PasswordService } from './auth/password.service';
import { PasswordResetTokenEntity } from './auth/password-reset-token.entity';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { SessionRepository } from './auth/session.repository';
import { TokenService } from './auth/token.service';
import { AdminBootstrap } from './bootstrap/admin-bootstrap';
import { BrandEntity } from './brands/brand.entity';
import { BrandRepository } from './brands/brand.repository';
import { BrandsController } from './brands/brands.controller';
import { BrandsService } from './brands/brands.service';
import { PasswordHasher } from './users/password-hasher';
import { UserLocales } from './users/user-locales';
import { UserEntity } from './users/user.entity';
import { UserRepository } from './users/user.repository';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Users, brands, sessions and tokens: services for every app. */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, BrandEntity, AuthSessionEntity, RefreshTokenEntity, PasswordResetTokenEntity]),
    // The HS256 secret as a KeyObject, made once: given a string, jsonwebtoken first tries to parse it as a
    // PEM public key on every verify (a thrown exception), then wraps it in a KeyObject: 15 % of the CPU of
    // an authenticated request (bench/README.md, workload 2).
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.auth.jwtSecret)) }),
    }),
  ],
  providers: [
    UserRepository,
    BrandRepository,
    SessionRepository,
    PasswordHasher,
    TokenService,
    AuthService,
    PasswordService,
    UsersService,
    BrandsService,
    UserLocales,
  ],
  exports: [AuthService, PasswordService, UsersService, BrandsService, PasswordHasher, UserRepository, UserLocales],
})
export class IdentityModule implements OnModuleInit {
  constructor(private readonly mail: MailService) {}

  onModuleInit(): void {
    this.mail.registerTemplates(join(__dirname, 'templates'));
  }
}

/** HTTP side (API only): controllers, the global auth guard, the bootstrap admin. */
@Module({
  imports: [IdentityModule],
  controllers: [AuthController, BrowserSessionController, PasswordResetController, BrandsController, UsersController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, BrowserClientGuard, AdminBootstrap],
})
export class IdentityHttpModule {}
