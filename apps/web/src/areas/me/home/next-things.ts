import type { RoundResponseDto } from '../../../api/generated';
import type { MyAssignment, MyInvitation, Shipment } from '../shared/api';

export type NextThingKind = 'nda' | 'invitation' | 'survey' | 'round' | 'received';

/** One card of the home: what to do, by when (if there is a date), and the page where it is done. */
export interface NextThing {
  kind: NextThingKind;
  id: string;
  title: string;
  /** the deadline: the invitation's expiry, the survey's due date, the round's closing */
  due: string | null;
  href: string;
}

export interface NextThingsInput {
  invitations?: readonly MyInvitation[];
  assignments?: readonly MyAssignment[];
  rounds?: readonly Pick<RoundResponseDto, 'id' | 'studyId' | 'title' | 'state' | 'hasPosted' | 'closesAt'>[];
  shipments?: readonly Shipment[];
}

/**
 * The order of the home's cards:
 * 1. parcels waiting for my NDA acceptance (nothing ships until I accept);
 * 2. everything with a deadline, the nearest first (an overdue survey comes before anything due later);
 * 3. parcels that arrived, or are on the way, waiting for "I received it".
 */
export function nextThings(input: NextThingsInput, now: Date = new Date()): NextThing[] {
  const nda: NextThing[] = [];
  const dated: NextThing[] = [];
  const received: NextThing[] = [];
  for (const s of input.shipments ?? []) {
    if (s.status === 'cancelled') continue;
    if (s.product.ndaRequired && !s.ndaAcceptedAt) {
      nda.push({ kind: 'nda', id: s.id, title: s.product.name, due: null, href: '/me/shipments' });
    } else if (s.status === 'shipped') {
      received.push({ kind: 'received', id: s.id, title: s.product.name, due: null, href: '/me/shipments' });
    }
  }
  for (const i of input.invitations ?? []) {
    if (i.status === 'invited' && new Date(i.expiresAt).getTime() > now.getTime()) {
      dated.push({ kind: 'invitation', id: i.id, title: i.studyTitle, due: i.expiresAt, href: '/me/invitations' });
    }
  }
  for (const a of input.assignments ?? []) {
    if (a.status === 'assigned') dated.push({ kind: 'survey', id: a.id, title: a.title, due: a.dueAt, href: '/me/assignments' });
  }
  for (const r of input.rounds ?? []) {
    if (r.state === 'open' && r.hasPosted === false) {
      dated.push({ kind: 'round', id: r.id, title: r.title, due: r.closesAt, href: `/me/studies/${r.studyId}/rounds/${r.id}` });
    }
  }
  dated.sort((a, b) => new Date(a.due ?? 0).getTime() - new Date(b.due ?? 0).getTime());
  return [...nda, ...dated, ...received];
}
