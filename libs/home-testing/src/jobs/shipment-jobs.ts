import { defineJobs } from '@leadpanel/platform';

/** Jobs a shipment's move writes to the outbox (ShipmentMovesService.applyMove); payload `{shipmentId}`. */
export const SHIPMENT_SENT_JOB = 'home-testing.shipment-sent';
export const USAGE_SURVEY_JOB = 'home-testing.usage-survey';
/** a usage survey is due this long after it appears */
export const USAGE_SURVEY_DUE_DAYS = 7;

export interface ShipmentJobPayload {
  shipmentId: string;
}

/** Home testing's jobs: name → payload. */
export interface HomeTestingJobs {
  [SHIPMENT_SENT_JOB]: ShipmentJobPayload;
  [USAGE_SURVEY_JOB]: ShipmentJobPayload;
}

export const homeTestingJobs = defineJobs<HomeTestingJobs>();
