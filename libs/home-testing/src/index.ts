export * from './domain';
export * from './home-testing.module';
export * from './home-testing.errors';
export { ProductsService } from './products/products.service';
export { ShipmentsService, SHIPMENT_SENT_JOB, USAGE_SURVEY_JOB, USAGE_SURVEY_DUE_DAYS } from './shipments/shipments.service';
