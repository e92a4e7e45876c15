import { MigrationInterface, QueryRunner } from 'typeorm';

/** Share links become rows that can be listed and revoked; links issued before (signed, not stored) stop working: see docs/SECURITY.md. */
export class ReportShareLinks1796633429411 implements MigrationInterface {
  name = 'ReportShareLinks1796633429411';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "report_share_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_87aad2807fa0451fbc531409669" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_report_share_links_report" ON "report_share_links"  ("report_id", "created_at") ');
    await queryRunner.query(
      'ALTER TABLE "report_share_links" ADD CONSTRAINT "FK_6b42dcd3848bce1fd3c09e0efae" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "report_share_links" DROP CONSTRAINT "FK_6b42dcd3848bce1fd3c09e0efae"');
    await queryRunner.query('DROP INDEX "public"."IDX_report_share_links_report"');
    await queryRunner.query('DROP TABLE "report_share_links"');
  }
}
