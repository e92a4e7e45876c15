export * from './shipment-status';
export * from './carrier-signature';
export * from './csv';
export * from './tracking-import';
