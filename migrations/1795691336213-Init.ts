import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795691336213 implements MigrationInterface {
  name = 'Init1795691336213';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "topic" character varying(100) NOT NULL, "payload" jsonb NOT NULL DEFAULT \'{}\', "status" character varying(20) NOT NULL DEFAULT \'pending\', "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_until" TIMESTAMP WITH TIME ZONE, "dispatch_attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, "dedupe_key" character varying(200), "subject_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_outbox_dedupe_key" ON "outbox_messages"  ("dedupe_key") ');
    await queryRunner.query('CREATE INDEX "IDX_outbox_subject" ON "outbox_messages"  ("subject_id") WHERE "status" = \'pending\'');
    await queryRunner.query('CREATE INDEX "IDX_outbox_due" ON "outbox_messages"  ("available_at") WHERE "status" = \'pending\'');
    await queryRunner.query(
      'CREATE TABLE "email_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template" character varying(100) NOT NULL, "locale" character varying(5) NOT NULL, "recipient" character varying(320) NOT NULL, "user_id" uuid, "data" jsonb NOT NULL DEFAULT \'{}\', "status" character varying(20) NOT NULL DEFAULT \'queued\', "subject" character varying(500), "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, "message_id" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_922cad79d5a315f5d1d06b077da" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_email_messages_user" ON "email_messages"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_user_id" uuid, "actor_role" character varying(20), "action" character varying(100) NOT NULL, "target_type" character varying(50) NOT NULL, "target_id" character varying(100), "request_id" character varying(128), "data" jsonb NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_audit_actor" ON "audit_log"  ("actor_user_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "IDX_audit_target" ON "audit_log"  ("target_type", "target_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "brands" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "slug" character varying(60) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b15428f362be2200922952dc268" UNIQUE ("slug"), CONSTRAINT "PK_b0c437120b624da1034a81fc561" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "password_hash" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "brand_id" uuid, "status" character varying(20) NOT NULL DEFAULT \'active\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_users_role" ON "users"  ("role") ');
    await queryRunner.query(
      'CREATE TABLE "auth_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(50), CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_auth_sessions_user" ON "auth_sessions"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_a7838d2ba25be1342091b6695f1" UNIQUE ("token_hash"), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_refresh_tokens_session" ON "refresh_tokens"  ("session_id") ');
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "FK_01d93d1f1a8df7db7ae65751cbc" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_sessions" ADD CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4" FOREIGN KEY ("session_id") REFERENCES "auth_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4"');
    await queryRunner.query('ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6"');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "FK_01d93d1f1a8df7db7ae65751cbc"');
    await queryRunner.query('DROP INDEX "public"."IDX_refresh_tokens_session"');
    await queryRunner.query('DROP TABLE "refresh_tokens"');
    await queryRunner.query('DROP INDEX "public"."IDX_auth_sessions_user"');
    await queryRunner.query('DROP TABLE "auth_sessions"');
    await queryRunner.query('DROP INDEX "public"."IDX_users_role"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TABLE "brands"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_target"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_actor"');
    await queryRunner.query('DROP TABLE "audit_log"');
    await queryRunner.query('DROP INDEX "public"."IDX_email_messages_user"');
    await queryRunner.query('DROP TABLE "email_messages"');
    await queryRunner.query('DROP INDEX "public"."IDX_outbox_due"');
    await queryRunner.query('DROP INDEX "public"."IDX_outbox_subject"');
    await queryRunner.query('DROP INDEX "public"."UQ_outbox_dedupe_key"');
    await queryRunner.query('DROP TABLE "outbox_messages"');
  }
}
