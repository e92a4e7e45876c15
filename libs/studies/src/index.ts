export * from './domain';
export * from './studies.module';
export * from './studies.errors';
export * from './studies/studies.service';
export * from './invitations/invitations.service';
export { EXPIRE_WAVE_JOB, REMIND_WAVE_JOB, type StudiesJobs } from './jobs/studies-jobs';
export * from './directory/study-directory.service';
