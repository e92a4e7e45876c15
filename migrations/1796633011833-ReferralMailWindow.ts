import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferralMailWindow1796633011833 implements MigrationInterface {
  name = 'ReferralMailWindow1796633011833';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "referrals" ADD "emailed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('CREATE INDEX "IDX_referrals_campaign_nominee" ON "referrals"  ("campaign_id", "nominee_email") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_referrals_campaign_nominee"');
    await queryRunner.query('ALTER TABLE "referrals" DROP COLUMN "emailed_at"');
  }
}
