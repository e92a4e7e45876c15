import { MigrationInterface, QueryRunner } from 'typeorm';

export class HomeTesting1795702405235 implements MigrationInterface {
  name = 'HomeTesting1795702405235';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "carrier_events" ("event_id" character varying(200) NOT NULL, "tracking_number" character varying(100) NOT NULL, "status" character varying(20) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "shipment_id" uuid, "outcome" character varying(20) NOT NULL, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce190f34e32b06718c58293a749" PRIMARY KEY ("event_id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_carrier_events_tracking" ON "carrier_events"  ("tracking_number") ');
    await queryRunner.query(
      'CREATE TABLE "products" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "brand_id" uuid NOT NULL, "sku" character varying(64) NOT NULL, "sku_key" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "description" character varying(5000), "units_in_stock" integer NOT NULL, "requires_return" boolean NOT NULL, "nda_required" boolean NOT NULL, "nda_version" character varying(50), "nda_terms" text, "usage_days" integer NOT NULL, "usage_survey_id" uuid, "created_by" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_products_usage_days" CHECK ("usage_days" >= 0), CONSTRAINT "CHK_products_stock" CHECK ("units_in_stock" >= 0), CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_products_brand_sku" ON "products"  ("brand_id", "sku_key") ');
    await queryRunner.query(
      'CREATE TABLE "shipments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "study_id" uuid NOT NULL, "product_id" uuid NOT NULL, "panellist_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "recipient_name" character varying(200) NOT NULL, "address_line1" character varying(200) NOT NULL, "address_line2" character varying(200), "postal_code" character varying(20) NOT NULL, "city" character varying(100) NOT NULL, "country" character(2) NOT NULL, "phone" character varying(30), "carrier" character varying(100), "tracking_number" character varying(100), "nda_accepted_at" TIMESTAMP WITH TIME ZONE, "nda_version" character varying(50), "shipped_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "returned_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6deda4532ac542a93eab214b564" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_shipments_panellist" ON "shipments"  ("panellist_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "IDX_shipments_study_status" ON "shipments"  ("study_id", "status", "created_at") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_shipments_tracking" ON "shipments"  ("tracking_number") WHERE "tracking_number" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_shipments_live" ON "shipments"  ("study_id", "product_id", "panellist_id") WHERE "status" <> \'cancelled\'',
    );
    await queryRunner.query(
      'CREATE TABLE "shipment_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shipment_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "source" character varying(20) NOT NULL, "actor_user_id" uuid, "note" character varying(1000), "carrier_event_id" character varying(200), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_80a42a8d00d59cbfab38e1d0872" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_shipment_events_shipment" ON "shipment_events"  ("shipment_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "stock_movements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid NOT NULL, "delta" integer NOT NULL, "stock_after" integer NOT NULL, "kind" character varying(20) NOT NULL, "reason" character varying(200) NOT NULL, "study_id" uuid, "shipment_id" uuid, "actor_user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_stock_movements_after" CHECK ("stock_after" >= 0), CONSTRAINT "CHK_stock_movements_delta" CHECK ("delta" <> 0), CONSTRAINT "PK_57a26b190618550d8e65fb860e7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_stock_movements_product" ON "stock_movements"  ("product_id", "created_at") ');
    await queryRunner.query(
      'ALTER TABLE "shipments" ADD CONSTRAINT "FK_68c43cee6d7d14937c596c90a9d" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "shipment_events" ADD CONSTRAINT "FK_7550a4aa8c7fe2d64f6c71d7da1" FOREIGN KEY ("shipment_id") REFERENCES "shipments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "stock_movements" ADD CONSTRAINT "FK_2c1bb05b80ddcc562cd28d826c6" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "stock_movements" DROP CONSTRAINT "FK_2c1bb05b80ddcc562cd28d826c6"');
    await queryRunner.query('ALTER TABLE "shipment_events" DROP CONSTRAINT "FK_7550a4aa8c7fe2d64f6c71d7da1"');
    await queryRunner.query('ALTER TABLE "shipments" DROP CONSTRAINT "FK_68c43cee6d7d14937c596c90a9d"');
    await queryRunner.query('DROP INDEX "public"."IDX_stock_movements_product"');
    await queryRunner.query('DROP TABLE "stock_movements"');
    await queryRunner.query('DROP INDEX "public"."IDX_shipment_events_shipment"');
    await queryRunner.query('DROP TABLE "shipment_events"');
    await queryRunner.query('DROP INDEX "public"."UQ_shipments_live"');
    await queryRunner.query('DROP INDEX "public"."UQ_shipments_tracking"');
    await queryRunner.query('DROP INDEX "public"."IDX_shipments_study_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_shipments_panellist"');
    await queryRunner.query('DROP TABLE "shipments"');
    await queryRunner.query('DROP INDEX "public"."UQ_products_brand_sku"');
    await queryRunner.query('DROP TABLE "products"');
    await queryRunner.query('DROP INDEX "public"."IDX_carrier_events_tracking"');
    await queryRunner.query('DROP TABLE "carrier_events"');
  }
}
