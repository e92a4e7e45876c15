import { MigrationInterface, QueryRunner } from 'typeorm';

export class Studies1795695275475 implements MigrationInterface {
  name = 'Studies1795695275475';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "studies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "brand_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "theme" character varying(200) NOT NULL, "brief" text NOT NULL, "target_size" integer NOT NULL, "incentive_points" integer NOT NULL, "criteria" jsonb NOT NULL DEFAULT \'{}\', "quotas" jsonb NOT NULL DEFAULT \'[]\', "status" character varying(20) NOT NULL DEFAULT \'draft\', "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b100ff0c4a0ad02a9c2270d45b6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_studies_brand" ON "studies"  ("brand_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "study_waves" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "requested" integer NOT NULL, "invited" integer NOT NULL, "seed" character varying(100) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da1289eb0a4c6cc6d56cc7403bc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_study_waves_study" ON "study_waves"  ("study_id") ');
    await queryRunner.query(
      'CREATE TABLE "study_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "wave_id" uuid NOT NULL, "panellist_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'invited\', "cells" text array NOT NULL DEFAULT \'{}\', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, "reminders_sent" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_invitations_study_panellist" UNIQUE ("study_id", "panellist_id"), CONSTRAINT "PK_bb3303ce6adf155e1fddb69e06e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_invitations_study_status" ON "study_invitations"  ("study_id", "status") ');
    await queryRunner.query('CREATE INDEX "IDX_invitations_panellist_created" ON "study_invitations"  ("panellist_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "study_participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "panellist_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "cells" text array NOT NULL DEFAULT \'{}\', "invitation_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_participants_study_panellist" UNIQUE ("study_id", "panellist_id"), CONSTRAINT "PK_96d70b259b21dad747c5dac8839" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_participants_panellist" ON "study_participants"  ("panellist_id") ');
    await queryRunner.query(
      'ALTER TABLE "study_waves" ADD CONSTRAINT "FK_5f49de1bda0c1e81e0ff1ef4787" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "study_invitations" ADD CONSTRAINT "FK_777f46121d35cdd2d0003e228ca" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "study_invitations" ADD CONSTRAINT "FK_40c414d230571a0e489579613b0" FOREIGN KEY ("wave_id") REFERENCES "study_waves"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "study_participants" ADD CONSTRAINT "FK_d6d53844c29f770a3ca4bba5ce7" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "study_participants" DROP CONSTRAINT "FK_d6d53844c29f770a3ca4bba5ce7"');
    await queryRunner.query('ALTER TABLE "study_invitations" DROP CONSTRAINT "FK_40c414d230571a0e489579613b0"');
    await queryRunner.query('ALTER TABLE "study_invitations" DROP CONSTRAINT "FK_777f46121d35cdd2d0003e228ca"');
    await queryRunner.query('ALTER TABLE "study_waves" DROP CONSTRAINT "FK_5f49de1bda0c1e81e0ff1ef4787"');
    await queryRunner.query('DROP INDEX "public"."IDX_participants_panellist"');
    await queryRunner.query('DROP TABLE "study_participants"');
    await queryRunner.query('DROP INDEX "public"."IDX_invitations_panellist_created"');
    await queryRunner.query('DROP INDEX "public"."IDX_invitations_study_status"');
    await queryRunner.query('DROP TABLE "study_invitations"');
    await queryRunner.query('DROP INDEX "public"."IDX_study_waves_study"');
    await queryRunner.query('DROP TABLE "study_waves"');
    await queryRunner.query('DROP INDEX "public"."IDX_studies_brand"');
    await queryRunner.query('DROP TABLE "studies"');
  }
}
