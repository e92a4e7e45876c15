export * from './domain';
export * from './home-testing.module';
export * from './home-testing.errors';
export { ProductsService } from './products/products.service';
export { ShipmentsService } from './shipments/shipments.service';
export { ShipmentFulfilmentService } from './shipments/shipment-fulfilment.service';
export { MyShipmentsService } from './shipments/my-shipments.service';
export { SHIPMENT_SENT_JOB, USAGE_SURVEY_JOB, USAGE_SURVEY_DUE_DAYS, type HomeTestingJobs } from './jobs/shipment-jobs';
