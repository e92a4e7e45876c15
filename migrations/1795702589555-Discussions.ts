import { MigrationInterface, QueryRunner } from 'typeorm';

export class Discussions1795702589555 implements MigrationInterface {
  name = 'Discussions1795702589555';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "discussion_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "name_key" character varying(200) NOT NULL, "description" character varying(1000), "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_discussion_codes_study_name" UNIQUE ("study_id", "name_key"), CONSTRAINT "PK_37745af05944d9fdb27ebf51402" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "discussion_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "prompt" character varying(10000) NOT NULL, "mode" character varying(20) NOT NULL, "opens_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_discussion_rounds_mode" CHECK ("mode" IN (\'open\', \'post_first\')), CONSTRAINT "CHK_discussion_rounds_window" CHECK ("closes_at" > "opens_at"), CONSTRAINT "PK_76e8482f3709d26374b6882082e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_discussion_rounds_study" ON "discussion_rounds"  ("study_id", "opens_at") ');
    await queryRunner.query(
      'CREATE TABLE "discussion_posts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "study_id" uuid NOT NULL, "parent_id" uuid, "author_user_id" uuid NOT NULL, "author_role" character varying(20) NOT NULL, "kind" character varying(20) NOT NULL, "body" character varying(10000) NOT NULL, "hidden" boolean NOT NULL DEFAULT false, "pinned" boolean NOT NULL DEFAULT false, "idea_status" character varying(20), "likes_count" integer NOT NULL DEFAULT \'0\', "edited_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_discussion_posts_likes" CHECK ("likes_count" >= 0), CONSTRAINT "CHK_discussion_posts_idea_status" CHECK (("kind" = \'idea\') = ("idea_status" IS NOT NULL)), CONSTRAINT "CHK_discussion_posts_author_role" CHECK ("author_role" IN (\'panellist\', \'researcher\')), CONSTRAINT "CHK_discussion_posts_kind" CHECK ("kind" IN (\'comment\', \'idea\')), CONSTRAINT "PK_1bfc0860cd9175674a2b7983833" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_discussion_posts_author" ON "discussion_posts"  ("author_user_id") ');
    await queryRunner.query('CREATE INDEX "IDX_discussion_posts_round_author" ON "discussion_posts"  ("round_id", "author_user_id") ');
    await queryRunner.query('CREATE INDEX "IDX_discussion_posts_parent" ON "discussion_posts"  ("parent_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "IDX_discussion_posts_round" ON "discussion_posts"  ("round_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "discussion_post_codes" ("post_id" uuid NOT NULL, "code_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b409fe40e48b24ca69a7d2f68b2" PRIMARY KEY ("post_id", "code_id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_discussion_post_codes_code" ON "discussion_post_codes"  ("code_id") ');
    await queryRunner.query(
      'CREATE TABLE "discussion_likes" ("post_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d2f3eacb99e034bc84db29547f" PRIMARY KEY ("post_id", "user_id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_discussion_likes_user" ON "discussion_likes"  ("user_id") ');
    await queryRunner.query('ALTER TABLE "studies" ADD "post_points" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query(
      'ALTER TABLE "discussion_posts" ADD CONSTRAINT "FK_727d7dbc8d9637618b0766ef4a2" FOREIGN KEY ("round_id") REFERENCES "discussion_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "discussion_posts" ADD CONSTRAINT "FK_7c96c8a968bd8426dc086cd7180" FOREIGN KEY ("parent_id") REFERENCES "discussion_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "discussion_post_codes" ADD CONSTRAINT "FK_310cdd90081d2a8056b6938c61f" FOREIGN KEY ("post_id") REFERENCES "discussion_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "discussion_post_codes" ADD CONSTRAINT "FK_6febae5449e72c4cadd1bf94b83" FOREIGN KEY ("code_id") REFERENCES "discussion_codes"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "discussion_likes" ADD CONSTRAINT "FK_6f070ee5237327810d51e3a8eac" FOREIGN KEY ("post_id") REFERENCES "discussion_posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "discussion_likes" DROP CONSTRAINT "FK_6f070ee5237327810d51e3a8eac"');
    await queryRunner.query('ALTER TABLE "discussion_post_codes" DROP CONSTRAINT "FK_6febae5449e72c4cadd1bf94b83"');
    await queryRunner.query('ALTER TABLE "discussion_post_codes" DROP CONSTRAINT "FK_310cdd90081d2a8056b6938c61f"');
    await queryRunner.query('ALTER TABLE "discussion_posts" DROP CONSTRAINT "FK_7c96c8a968bd8426dc086cd7180"');
    await queryRunner.query('ALTER TABLE "discussion_posts" DROP CONSTRAINT "FK_727d7dbc8d9637618b0766ef4a2"');
    await queryRunner.query('ALTER TABLE "studies" DROP COLUMN "post_points"');
    await queryRunner.query('DROP INDEX "public"."IDX_discussion_likes_user"');
    await queryRunner.query('DROP TABLE "discussion_likes"');
    await queryRunner.query('DROP INDEX "public"."IDX_discussion_post_codes_code"');
    await queryRunner.query('DROP TABLE "discussion_post_codes"');
    await queryRunner.query('DROP INDEX "public"."IDX_discussion_posts_round"');
    await queryRunner.query('DROP INDEX "public"."IDX_discussion_posts_parent"');
    await queryRunner.query('DROP INDEX "public"."IDX_discussion_posts_round_author"');
    await queryRunner.query('DROP INDEX "public"."IDX_discussion_posts_author"');
    await queryRunner.query('DROP TABLE "discussion_posts"');
    await queryRunner.query('DROP INDEX "public"."IDX_discussion_rounds_study"');
    await queryRunner.query('DROP TABLE "discussion_rounds"');
    await queryRunner.query('DROP TABLE "discussion_codes"');
  }
}
