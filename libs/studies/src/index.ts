export * from './domain';
export * from './studies.module';
export * from './studies.errors';
export * from './studies/studies.service';
export * from './invitations/invitations.service';
export * from './directory/study-directory.service';
