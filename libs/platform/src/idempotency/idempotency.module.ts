import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { IdempotencyService } from './idempotency.service';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([IdempotencyKeyEntity])], providers: [IdempotencyService], exports: [IdempotencyService] })
export class IdempotencyModule {}
