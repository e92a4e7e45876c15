import { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1796632943147 implements MigrationInterface {
  name = 'Accounts1796632943147';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "password_reset_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_91185d86d5d7557b19abbb2868b" UNIQUE ("token_hash"), CONSTRAINT "PK_d16bebd73e844c48bca50ff8d3d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_password_reset_tokens_user" ON "password_reset_tokens"  ("user_id") ');
    await queryRunner.query('ALTER TABLE "users" ADD "email_confirmed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false');
    await queryRunner.query('ALTER TABLE "users" ADD "last_login_at" TIMESTAMP WITH TIME ZONE');
    // existing accounts: confirmed (from their creation), unless their panellist still waits for the confirmation link
    await queryRunner.query(
      'UPDATE "users" u SET "email_confirmed_at" = u."created_at" WHERE NOT EXISTS (SELECT 1 FROM "panellists" p WHERE p."id" = u."id" AND p."status" = \'pending_confirmation\')',
    );
    await queryRunner.query(
      'ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "FK_52ac39dd8a28730c63aeb428c9c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "password_reset_tokens" DROP CONSTRAINT "FK_52ac39dd8a28730c63aeb428c9c"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "last_login_at"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "must_change_password"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "email_confirmed_at"');
    await queryRunner.query('DROP INDEX "public"."IDX_password_reset_tokens_user"');
    await queryRunner.query('DROP TABLE "password_reset_tokens"');
  }
}
