import { MigrationInterface, QueryRunner } from 'typeorm';

export class Feedback1795696249678 implements MigrationInterface {
  name = 'Feedback1795696249678';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "feedback_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "panellist_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "severity" character varying(20), "area" character varying(100), "title" character varying(200) NOT NULL, "body" character varying(10000) NOT NULL, "product_id" uuid, "status" character varying(20) NOT NULL DEFAULT \'new\', "duplicate_of_id" uuid, "me_too_count" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_feedback_items_me_too" CHECK ("me_too_count" >= 0), CONSTRAINT "CHK_feedback_items_duplicate" CHECK (("status" = \'duplicate\') = ("duplicate_of_id" IS NOT NULL) AND "duplicate_of_id" IS DISTINCT FROM "id"), CONSTRAINT "CHK_feedback_items_severity" CHECK (("kind" = \'bug\') = ("severity" IS NOT NULL)), CONSTRAINT "PK_a585b9e995d627b03882641bc8e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_feedback_items_panellist" ON "feedback_items"  ("panellist_id") ');
    await queryRunner.query('CREATE INDEX "IDX_feedback_items_study_kind" ON "feedback_items"  ("study_id", "kind") ');
    await queryRunner.query('CREATE INDEX "IDX_feedback_items_study_status" ON "feedback_items"  ("study_id", "status") ');
    await queryRunner.query(
      'CREATE TABLE "feedback_me_too" ("feedback_id" uuid NOT NULL, "panellist_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cca107bc8575ac7290733809b29" PRIMARY KEY ("feedback_id", "panellist_id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_feedback_me_too_panellist" ON "feedback_me_too"  ("panellist_id") ');
    await queryRunner.query(
      'CREATE TABLE "feedback_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "feedback_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "body" character varying(5000) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba65c4c521c3b53db621730b783" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_feedback_notes_feedback" ON "feedback_notes"  ("feedback_id", "created_at") ');
    await queryRunner.query(
      'ALTER TABLE "feedback_items" ADD CONSTRAINT "FK_6777e52b7941e9f08476d2df82a" FOREIGN KEY ("duplicate_of_id") REFERENCES "feedback_items"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "feedback_me_too" ADD CONSTRAINT "FK_8e3fed031834bb428aa4ca3c0e5" FOREIGN KEY ("feedback_id") REFERENCES "feedback_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "feedback_notes" ADD CONSTRAINT "FK_941ace76f7a6d025a1099adbd37" FOREIGN KEY ("feedback_id") REFERENCES "feedback_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "feedback_notes" DROP CONSTRAINT "FK_941ace76f7a6d025a1099adbd37"');
    await queryRunner.query('ALTER TABLE "feedback_me_too" DROP CONSTRAINT "FK_8e3fed031834bb428aa4ca3c0e5"');
    await queryRunner.query('ALTER TABLE "feedback_items" DROP CONSTRAINT "FK_6777e52b7941e9f08476d2df82a"');
    await queryRunner.query('DROP INDEX "public"."IDX_feedback_notes_feedback"');
    await queryRunner.query('DROP TABLE "feedback_notes"');
    await queryRunner.query('DROP INDEX "public"."IDX_feedback_me_too_panellist"');
    await queryRunner.query('DROP TABLE "feedback_me_too"');
    await queryRunner.query('DROP INDEX "public"."IDX_feedback_items_study_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_feedback_items_study_kind"');
    await queryRunner.query('DROP INDEX "public"."IDX_feedback_items_panellist"');
    await queryRunner.query('DROP TABLE "feedback_items"');
  }
}
