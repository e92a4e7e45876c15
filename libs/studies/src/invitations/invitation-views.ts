import type { InvitationEntity, InvitationStatus } from './invitation.entity';
import type { ParticipantEntity } from './participant.entity';

export interface InvitationView {
  id: string;
  studyId: string;
  waveId: string;
  panellistId: string;
  status: InvitationStatus;
  cells: string[];
  expiresAt: Date;
  respondedAt: Date | null;
  createdAt: Date;
}

export interface MyInvitationView {
  id: string;
  studyId: string;
  studyTitle: string;
  theme: string;
  brief: string;
  /** what taking part earns (the study's incentive), so the panellist can decide */
  incentivePoints: number;
  status: InvitationStatus;
  expiresAt: Date;
  createdAt: Date;
}

export const toInvitationView = (i: InvitationEntity): InvitationView => ({
  id: i.id,
  studyId: i.studyId,
  waveId: i.waveId,
  panellistId: i.panellistId,
  status: i.status,
  cells: i.cells,
  expiresAt: i.expiresAt,
  respondedAt: i.respondedAt,
  createdAt: i.createdAt,
});

/** A panellist's invitation (loaded with its study); an unanswered one past its expiry shows as expired. */
export const toMyInvitationView = (i: InvitationEntity, now: Date): MyInvitationView => ({
  id: i.id,
  studyId: i.studyId,
  studyTitle: i.study!.title,
  theme: i.study!.theme,
  brief: i.study!.brief,
  incentivePoints: i.study!.incentivePoints,
  status: i.status === 'invited' && i.expiresAt.getTime() <= now.getTime() ? 'expired' : i.status,
  expiresAt: i.expiresAt,
  createdAt: i.createdAt,
});

export const toParticipantView = (x: ParticipantEntity) => ({
  id: x.id,
  panellistId: x.panellistId,
  status: x.status,
  cells: x.cells,
  invitationId: x.invitationId,
  joinedAt: x.createdAt,
});

/** A study a panellist takes part in (loaded with the study). */
export const toMyStudyView = (x: ParticipantEntity) => ({
  studyId: x.studyId,
  title: x.study!.title,
  theme: x.study!.theme,
  studyStatus: x.study!.status,
  participation: x.status,
  joinedAt: x.createdAt,
});
