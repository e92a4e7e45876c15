import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1795705360144 implements MigrationInterface {
  name = 'Reports1795705360144';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "brand_id" uuid NOT NULL, "version" integer NOT NULL, "status" character varying(20) NOT NULL DEFAULT \'queued\', "error" character varying(2000), "content" jsonb, "html" text, "csv" text, "requested_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "generated_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, CONSTRAINT "UQ_reports_study_version" UNIQUE ("study_id", "version"), CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_reports_brand_published" ON "reports"  ("brand_id", "created_at") WHERE "published_at" IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "IDX_reports_study" ON "reports"  ("study_id", "created_at") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_reports_study"');
    await queryRunner.query('DROP INDEX "public"."IDX_reports_brand_published"');
    await queryRunner.query('DROP TABLE "reports"');
  }
}
