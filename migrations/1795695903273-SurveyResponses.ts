import { MigrationInterface, QueryRunner } from 'typeorm';

export class SurveyResponses1795695903273 implements MigrationInterface {
  name = 'SurveyResponses1795695903273';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "idempotency_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "key" character varying(200) NOT NULL, "scope" character varying(300) NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'in_progress\', "response" jsonb, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_idempotency_user_key" UNIQUE ("user_id", "key"), CONSTRAINT "PK_8ad20779ad0411107a56e53d0f6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "study_pseudonyms" ("study_id" uuid NOT NULL, "panellist_id" uuid NOT NULL, "number" integer NOT NULL, CONSTRAINT "UQ_study_pseudonyms_number" UNIQUE ("study_id", "number"), CONSTRAINT "PK_00d4d977747114d4ce21884b812" PRIMARY KEY ("study_id", "panellist_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "survey_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "survey_id" uuid NOT NULL, "study_id" uuid NOT NULL, "panellist_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'assigned\', "points_credited" integer, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_assignments_survey_panellist" UNIQUE ("survey_id", "panellist_id"), CONSTRAINT "PK_2334ca0becf9efd5a64dd864a2a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_assignments_panellist" ON "survey_assignments"  ("panellist_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "survey_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignment_id" uuid NOT NULL, "survey_id" uuid NOT NULL, "study_id" uuid NOT NULL, "question_id" character varying(64) NOT NULL, "item_index" smallint NOT NULL DEFAULT \'0\', "numeric_value" numeric, "option_value" character varying(100), "text_value" text, "submitted" boolean NOT NULL DEFAULT false, CONSTRAINT "UQ_answers_assignment_question_item" UNIQUE ("assignment_id", "question_id", "item_index"), CONSTRAINT "PK_e4cab112318f766c93435f77a1a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_answers_study" ON "survey_answers"  ("study_id") ');
    await queryRunner.query('CREATE INDEX "IDX_answers_survey_question" ON "survey_answers"  ("survey_id", "question_id") ');
    await queryRunner.query(
      'ALTER TABLE "study_pseudonyms" ADD CONSTRAINT "FK_52bfbdc26563567c4fb9978f2aa" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_assignments" ADD CONSTRAINT "FK_4b94ad4b79dc54392a512693751" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "survey_answers" ADD CONSTRAINT "FK_34a02385e7b0fac86f9a16dcdcd" FOREIGN KEY ("assignment_id") REFERENCES "survey_assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "survey_answers" DROP CONSTRAINT "FK_34a02385e7b0fac86f9a16dcdcd"');
    await queryRunner.query('ALTER TABLE "survey_assignments" DROP CONSTRAINT "FK_4b94ad4b79dc54392a512693751"');
    await queryRunner.query('ALTER TABLE "study_pseudonyms" DROP CONSTRAINT "FK_52bfbdc26563567c4fb9978f2aa"');
    await queryRunner.query('DROP INDEX "public"."IDX_answers_survey_question"');
    await queryRunner.query('DROP INDEX "public"."IDX_answers_study"');
    await queryRunner.query('DROP TABLE "survey_answers"');
    await queryRunner.query('DROP INDEX "public"."IDX_assignments_panellist"');
    await queryRunner.query('DROP TABLE "survey_assignments"');
    await queryRunner.query('DROP TABLE "study_pseudonyms"');
    await queryRunner.query('DROP TABLE "idempotency_keys"');
  }
}
