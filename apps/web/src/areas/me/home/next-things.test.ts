import { describe, expect, it } from 'vitest';
import type { MyAssignment, MyInvitation, Shipment } from '../shared/api';
import { nextThings } from './next-things';

const NOW = new Date('2026-12-07T10:00:00.000Z');

const shipment = (id: string, status: Shipment['status'], ndaRequired: boolean, ndaAcceptedAt: string | null = null) =>
  ({ id, status, ndaAcceptedAt, product: { name: `product ${id}`, ndaRequired } }) as unknown as Shipment;
const invitation = (id: string, expiresAt: string, status: MyInvitation['status'] = 'invited'): MyInvitation => ({
  id,
  studyId: 's',
  studyTitle: `study ${id}`,
  incentivePoints: 100,
  theme: 'cycling',
  brief: 'A short brief.',
  status,
  expiresAt,
  createdAt: '2026-12-01T10:00:00.000Z',
});
const assignment = (id: string, dueAt: string, status: MyAssignment['status'] = 'assigned'): MyAssignment => ({
  id,
  surveyId: `survey-${id}`,
  studyId: 's',
  title: `survey ${id}`,
  kind: 'usage',
  dueAt,
  status,
  submittedAt: null,
  pointsCredited: null,
});
const round = (id: string, closesAt: string, state: 'open' | 'scheduled' | 'closed' = 'open', hasPosted = false) => ({
  id,
  studyId: 'st',
  title: `round ${id}`,
  state,
  hasPosted,
  closesAt,
});

describe('the home’s next things', () => {
  it('puts NDAs first, then deadlines nearest first (overdue included), then parcels to confirm', () => {
    const things = nextThings(
      {
        shipments: [shipment('ship', 'shipped', false), shipment('nda', 'allocated', true), shipment('done', 'delivered', false)],
        invitations: [invitation('inv-late', '2026-12-20T00:00:00.000Z'), invitation('inv-soon', '2026-12-09T00:00:00.000Z')],
        assignments: [assignment('overdue', '2026-12-05T00:00:00.000Z'), assignment('sv', '2026-12-10T00:00:00.000Z')],
        rounds: [round('r', '2026-12-08T00:00:00.000Z')],
      },
      NOW,
    );
    expect(things.map((t) => `${t.kind}:${t.id}`)).toEqual([
      'nda:nda',
      'survey:overdue',
      'round:r',
      'invitation:inv-soon',
      'survey:sv',
      'invitation:inv-late',
      'received:ship',
    ]);
    expect(things.find((t) => t.kind === 'round')?.href).toBe('/me/studies/st/rounds/r');
  });

  it('leaves out what needs nothing from me', () => {
    expect(
      nextThings(
        {
          shipments: [shipment('accepted', 'allocated', true, '2026-12-01T00:00:00.000Z'), shipment('c', 'cancelled', true)],
          invitations: [invitation('expired', '2026-12-06T00:00:00.000Z'), invitation('answered', '2026-12-20T00:00:00.000Z', 'accepted')],
          assignments: [assignment('submitted', '2026-12-10T00:00:00.000Z', 'submitted')],
          rounds: [round('posted', '2026-12-10T00:00:00.000Z', 'open', true), round('later', '2026-12-30T00:00:00.000Z', 'scheduled')],
        },
        NOW,
      ),
    ).toEqual([]);
  });
});
