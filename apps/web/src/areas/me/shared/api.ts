import { useQuery } from '@tanstack/react-query';
import {
  assignmentsControllerMine,
  meControllerMyPoints,
  myInvitationsControllerList,
  myInvitationsControllerStudies,
  shipmentsControllerMine,
} from '../../../api/generated';
import type {
  MyAssignmentDto,
  MyInvitationResponseDto,
  MyPointsDto,
  MyStudyResponseDto,
  PointsEntryDto,
  ShipmentResponseDto,
} from '../../../api/generated';

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

export type PointsEntry = PointsEntryDto;
export type MyPoints = MyPointsDto;
export type MyInvitation = MyInvitationResponseDto;
export type MyAssignment = MyAssignmentDto;
export type MyStudy = MyStudyResponseDto;

export function useMyShipments() {
  return useQuery({
    queryKey: meKeys.shipments,
    queryFn: async () => (await shipmentsControllerMine({ throwOnError: true, query: { limit: 100 } })).data.items,
  });
}

export function useMyPoints() {
  return useQuery({
    queryKey: meKeys.points,
    queryFn: async () => (await meControllerMyPoints({ throwOnError: true })).data,
  });
}

export function useMyInvitations() {
  return useQuery({
    queryKey: meKeys.invitations,
    queryFn: async () => (await myInvitationsControllerList({ throwOnError: true, query: { limit: 100 } })).data.items,
  });
}

export function useMyAssignments() {
  return useQuery({
    queryKey: meKeys.assignments,
    queryFn: async () => (await assignmentsControllerMine({ throwOnError: true, query: { limit: 100 } })).data.items,
  });
}

export function useMyStudies() {
  return useQuery({
    queryKey: meKeys.studies,
    queryFn: async () => (await myInvitationsControllerStudies({ throwOnError: true, query: { limit: 100 } })).data.items,
  });
}
