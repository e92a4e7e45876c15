import { join } from 'node:path';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailService } from '@leadpanel/platform';
import { IdentityModule } from '@leadpanel/identity';
import { PanelModule } from '@leadpanel/panel';
import { StudiesModule } from '@leadpanel/studies';
import { SurveysModule } from '@leadpanel/surveys';
import { SurveyResponsesModule } from '@leadpanel/responses';
import { CarrierEventEntity } from './carrier/carrier-event.entity';
import { CarrierWebhookController } from './carrier/carrier-webhook.controller';
import { CarrierWebhookService } from './carrier/carrier-webhook.service';
import { ProductEntity } from './products/product.entity';
import { ProductsController } from './products/products.controller';
import { ProductsRepository } from './products/products.repository';
import { ProductsService } from './products/products.service';
import { StockMovementEntity } from './products/stock-movement.entity';
import { ShipmentEventEntity } from './shipments/shipment-event.entity';
import { ShipmentEntity } from './shipments/shipment.entity';
import { ShipmentsController } from './shipments/shipments.controller';
import { ShipmentsRepository } from './shipments/shipments.repository';
import { ShipmentsService } from './shipments/shipments.service';
import { ShipmentMovesService } from './shipments/shipment-moves.service';
import { ShipmentFulfilmentService } from './shipments/shipment-fulfilment.service';
import { MyShipmentsService } from './shipments/my-shipments.service';
import { ShipmentSentJob } from './jobs/shipment-sent.job';
import { UsageSurveyJob } from './jobs/usage-survey.job';

/** Home testing: products and stock, shipments to participants, the carrier webhook, and what delivery sets off. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProductEntity, StockMovementEntity, ShipmentEntity, ShipmentEventEntity, CarrierEventEntity]),
    IdentityModule,
    PanelModule,
    StudiesModule,
    SurveysModule,
    SurveyResponsesModule,
  ],
  providers: [
    ProductsRepository,
    ProductsService,
    ShipmentsRepository,
    ShipmentMovesService,
    ShipmentsService,
    ShipmentFulfilmentService,
    MyShipmentsService,
    ShipmentSentJob,
    UsageSurveyJob,
    CarrierWebhookService,
  ],
  exports: [ProductsService, ShipmentsService, ShipmentFulfilmentService, MyShipmentsService, CarrierWebhookService],
})
export class HomeTestingModule implements OnModuleInit {
  constructor(private readonly mail: MailService) {}

  onModuleInit(): void {
    this.mail.registerTemplates(join(__dirname, 'templates'));
  }
}

@Module({ imports: [HomeTestingModule], controllers: [ProductsController, ShipmentsController, CarrierWebhookController] })
export class HomeTestingHttpModule {}
