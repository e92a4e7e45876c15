import { defineJobs } from '@leadpanel/platform';

/** The daily dormancy sweep (PanellistsService), one per day at 03:00 UTC. */
export const MARK_DORMANT_JOB = 'panel.mark-dormant';
/** Purges an application whose confirmation link expired unused (UnconfirmedApplications). */
export const UNCONFIRMED_PURGE_JOB = 'panel.unconfirmed-purge';

/** Panel's jobs: name → payload. */
export interface PanelJobs {
  [MARK_DORMANT_JOB]: { day: string };
  [UNCONFIRMED_PURGE_JOB]: { panellistId: string };
}

export const panelJobs = defineJobs<PanelJobs>();
