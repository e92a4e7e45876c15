import { MigrationInterface, QueryRunner } from 'typeorm';

export class PanelAndSurveys1795692994065 implements MigrationInterface {
  name = 'PanelAndSurveys1795692994065';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "surveys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid, "kind" character varying(20) NOT NULL, "title" character varying(200) NOT NULL, "points" integer, "status" character varying(20) NOT NULL DEFAULT \'draft\', "questions" jsonb NOT NULL DEFAULT \'[]\', "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1b5e3d4aaeb2321ffa98498c971" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_surveys_study" ON "surveys"  ("study_id") ');
    await queryRunner.query(
      'CREATE TABLE "profile_attributes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(64) NOT NULL, "label" character varying(200) NOT NULL, "type" character varying(20) NOT NULL, "options" jsonb, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8a355588d97b8ccfcf9a0342b31" UNIQUE ("key"), CONSTRAINT "PK_02bc4ffe0859296db6218694b93" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "recruitment_campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(60) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "screener_survey_id" uuid NOT NULL, "accept_score" numeric(4,1) NOT NULL, "weights" jsonb NOT NULL DEFAULT \'{}\', "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3806db8989a136bf31c5f327178" UNIQUE ("slug"), CONSTRAINT "PK_f70947d914b70dca99cb444ed7b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "panellists" ("id" uuid NOT NULL, "status" character varying(30) NOT NULL, "display_name" character varying(100) NOT NULL, "country" character(2) NOT NULL, "locale" character varying(2) NOT NULL, "birth_year" smallint NOT NULL, "gender" character varying(30), "interests" jsonb NOT NULL DEFAULT \'[]\', "attributes" jsonb NOT NULL DEFAULT \'{}\', "campaign_id" uuid, "score_overall" numeric(4,1), "score_dimensions" jsonb NOT NULL DEFAULT \'{}\', "tier" character varying(20), "referred_by_panellist_id" uuid, "referral_id" uuid, "last_active_at" TIMESTAMP WITH TIME ZONE NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "erased_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f4bd005a92e3515c38b0f0ef818" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_panellists_campaign" ON "panellists"  ("campaign_id") ');
    await queryRunner.query('CREATE INDEX "IDX_panellists_status_country" ON "panellists"  ("status", "country") ');
    await queryRunner.query(
      'CREATE TABLE "panellist_addresses" ("panellist_id" uuid NOT NULL, "line1" character varying(200) NOT NULL, "line2" character varying(200), "postal_code" character varying(20) NOT NULL, "city" character varying(100) NOT NULL, "country" character(2) NOT NULL, "phone" character varying(30), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e5ed3ad1bc4efe4e2424719af2b" PRIMARY KEY ("panellist_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "panellist_status_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "panellist_id" uuid NOT NULL, "from_status" character varying(30), "to_status" character varying(30) NOT NULL, "reason" character varying(500) NOT NULL, "actor_user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_83eef5814da12727e946f86da13" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_status_changes_panellist" ON "panellist_status_changes"  ("panellist_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "points_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "panellist_id" uuid NOT NULL, "delta" integer NOT NULL, "reason" character varying(50) NOT NULL, "key" character varying(200) NOT NULL, "note" character varying(300), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_points_entries_key" UNIQUE ("panellist_id", "key"), CONSTRAINT "PK_65c6da170aeec36e4870a88336e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_points_entries_panellist" ON "points_entries"  ("panellist_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "referrals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referrer_panellist_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "nominee_email" character varying(320) NOT NULL, "nominee_name" character varying(100) NOT NULL, "reason" character varying(1000) NOT NULL, "applied_panellist_id" uuid, "applied_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a53a83849f95cbcf3fbcf32fd0a" UNIQUE ("code"), CONSTRAINT "PK_ea9980e34f738b6252817326c08" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_referrals_referrer" ON "referrals"  ("referrer_panellist_id") ');
    await queryRunner.query(
      'CREATE TABLE "panellist_consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "panellist_id" uuid NOT NULL, "terms_version" character varying(50) NOT NULL, "research" boolean NOT NULL, "product_testing" boolean NOT NULL, "ip" character varying(64), "granted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a18098ed11e09f1c473af71f55" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_consents_panellist" ON "panellist_consents"  ("panellist_id") ');
    await queryRunner.query(
      'CREATE TABLE "email_confirmations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "panellist_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_702a23af963ce63661ac44ef964" UNIQUE ("token_hash"), CONSTRAINT "PK_178b5599cd7e3ec9cfdfb144b50" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_email_confirmations_panellist" ON "email_confirmations"  ("panellist_id") ');
    await queryRunner.query(
      'CREATE TABLE "screener_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "panellist_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "survey_id" uuid NOT NULL, "answers" jsonb NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_screener_responses_panellist_campaign" UNIQUE ("panellist_id", "campaign_id"), CONSTRAINT "PK_228b5ade030b5d78ee9d38c7836" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "panellist_addresses" ADD CONSTRAINT "FK_e5ed3ad1bc4efe4e2424719af2b" FOREIGN KEY ("panellist_id") REFERENCES "panellists"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "panellist_status_changes" ADD CONSTRAINT "FK_185472d086b4537d2c690d530df" FOREIGN KEY ("panellist_id") REFERENCES "panellists"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "points_entries" ADD CONSTRAINT "FK_3d3f535e424b0bcb61418d05149" FOREIGN KEY ("panellist_id") REFERENCES "panellists"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "referrals" ADD CONSTRAINT "FK_b7c76d3f8313e9c26c4f0859110" FOREIGN KEY ("referrer_panellist_id") REFERENCES "panellists"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "panellist_consents" ADD CONSTRAINT "FK_85fae91bbc448161a65bd86dd9a" FOREIGN KEY ("panellist_id") REFERENCES "panellists"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "email_confirmations" ADD CONSTRAINT "FK_88804cbcc803a25f7bcf6db4f34" FOREIGN KEY ("panellist_id") REFERENCES "panellists"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "screener_responses" ADD CONSTRAINT "FK_02a645456e0a99c338a64ab0ccd" FOREIGN KEY ("panellist_id") REFERENCES "panellists"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "screener_responses" DROP CONSTRAINT "FK_02a645456e0a99c338a64ab0ccd"');
    await queryRunner.query('ALTER TABLE "email_confirmations" DROP CONSTRAINT "FK_88804cbcc803a25f7bcf6db4f34"');
    await queryRunner.query('ALTER TABLE "panellist_consents" DROP CONSTRAINT "FK_85fae91bbc448161a65bd86dd9a"');
    await queryRunner.query('ALTER TABLE "referrals" DROP CONSTRAINT "FK_b7c76d3f8313e9c26c4f0859110"');
    await queryRunner.query('ALTER TABLE "points_entries" DROP CONSTRAINT "FK_3d3f535e424b0bcb61418d05149"');
    await queryRunner.query('ALTER TABLE "panellist_status_changes" DROP CONSTRAINT "FK_185472d086b4537d2c690d530df"');
    await queryRunner.query('ALTER TABLE "panellist_addresses" DROP CONSTRAINT "FK_e5ed3ad1bc4efe4e2424719af2b"');
    await queryRunner.query('DROP TABLE "screener_responses"');
    await queryRunner.query('DROP INDEX "public"."IDX_email_confirmations_panellist"');
    await queryRunner.query('DROP TABLE "email_confirmations"');
    await queryRunner.query('DROP INDEX "public"."IDX_consents_panellist"');
    await queryRunner.query('DROP TABLE "panellist_consents"');
    await queryRunner.query('DROP INDEX "public"."IDX_referrals_referrer"');
    await queryRunner.query('DROP TABLE "referrals"');
    await queryRunner.query('DROP INDEX "public"."IDX_points_entries_panellist"');
    await queryRunner.query('DROP TABLE "points_entries"');
    await queryRunner.query('DROP INDEX "public"."IDX_status_changes_panellist"');
    await queryRunner.query('DROP TABLE "panellist_status_changes"');
    await queryRunner.query('DROP TABLE "panellist_addresses"');
    await queryRunner.query('DROP INDEX "public"."IDX_panellists_status_country"');
    await queryRunner.query('DROP INDEX "public"."IDX_panellists_campaign"');
    await queryRunner.query('DROP TABLE "panellists"');
    await queryRunner.query('DROP TABLE "recruitment_campaigns"');
    await queryRunner.query('DROP TABLE "profile_attributes"');
    await queryRunner.query('DROP INDEX "public"."IDX_surveys_study"');
    await queryRunner.query('DROP TABLE "surveys"');
  }
}
