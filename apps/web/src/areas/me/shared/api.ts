import { useQuery } from '@tanstack/react-query';
import {
  assignmentsControllerMine,
  meControllerMyPoints,
  myInvitationsControllerList,
  myInvitationsControllerStudies,
  shipmentsControllerMine,
} from '../../../api/generated';
import type { ShipmentResponseDto } from '../../../api/generated';

/** The query keys of the panellist's own data (writes invalidate them). */
export const meKeys = {
  shipments: ['me', 'shipments'] as const,
  points: ['me', 'points'] as const,
  profile: ['me', 'profile'] as const,
  attributes: ['profile-attributes'] as const,
  invitations: ['me', 'invitations'] as const,
  assignments: ['me', 'assignments'] as const,
  studies: ['me', 'studies'] as const,
  rounds: (studyId: string) => ['studies', studyId, 'rounds'] as const,
};

export type Shipment = ShipmentResponseDto;

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// TODO(schema): GET /me/points, /me/invitations, /me/studies and /me/assignments are typed
// `unknown` until their response DTOs land; these narrow types follow the services' views.
export interface PointsEntry {
  id: string;
  delta: number;
  reason: string;
  note: string | null;
  createdAt: string;
}
export interface MyPoints {
  balance: number;
  entries: PointsEntry[];
}
export interface MyInvitation {
  id: string;
  studyId: string;
  studyTitle: string;
  status: 'invited' | 'accepted' | 'declined' | 'expired' | 'waitlisted';
  expiresAt: string;
}
export interface MyAssignment {
  id: string;
  studyId: string;
  title: string;
  dueAt: string;
  status: 'assigned' | 'submitted';
}
export interface MyStudy {
  studyId: string;
  title: string;
  studyStatus: string;
  participation: 'enrolled' | 'waitlisted' | 'withdrawn';
}

export function useMyShipments() {
  return useQuery({
    queryKey: meKeys.shipments,
    queryFn: async () => (await shipmentsControllerMine({ throwOnError: true, query: { limit: 100 } })).data.items,
  });
}

export function useMyPoints() {
  return useQuery({
    queryKey: meKeys.points,
    queryFn: async () => (await meControllerMyPoints({ throwOnError: true })).data as MyPoints, // TODO(schema)
  });
}

export function useMyInvitations() {
  return useQuery({
    queryKey: meKeys.invitations,
    queryFn: async () =>
      ((await myInvitationsControllerList({ throwOnError: true, query: { limit: 100 } })).data as Page<MyInvitation>).items, // TODO(schema)
  });
}

export function useMyAssignments() {
  return useQuery({
    queryKey: meKeys.assignments,
    queryFn: async () =>
      ((await assignmentsControllerMine({ throwOnError: true, query: { limit: 100 } })).data as Page<MyAssignment>).items, // TODO(schema)
  });
}

export function useMyStudies() {
  return useQuery({
    queryKey: meKeys.studies,
    queryFn: async () =>
      ((await myInvitationsControllerStudies({ throwOnError: true, query: { limit: 100 } })).data as Page<MyStudy>).items, // TODO(schema)
  });
}
