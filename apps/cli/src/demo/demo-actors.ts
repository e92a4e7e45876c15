import type { AuthUser, Clock, Role } from '@leadpanel/platform';
import type { PanellistSpec } from './demo-data';

export const DAY = 86_400_000;

export type Progress = (line: string) => void;

/** A demo account the seed acts as. */
export interface Person {
  id: string;
  email: string;
  role: Role;
  brandId: string | null;
}

/** An enrolled participant of the demo study and the spec it was made from. */
export interface Participant {
  person: Person;
  spec: PanellistSpec;
}

export const actor = (p: Person): AuthUser => ({ ...p, sessionId: 'demo-seed' });

/**
 * Runs `fn` as of a past moment: the services read the time from the injected Clock
 * (as the tests do when they move it), so what they stamp with it (shipped, delivered,
 * NDA accepted) tells a home test that took its days. Rows' own creation times stay
 * the database's. Only one call at a time runs here, so nothing else sees the moved clock.
 */
export async function asOf<T>(clockService: Clock, when: Date, fn: () => Promise<T>): Promise<T> {
  const clock = clockService as { now: () => Date };
  clock.now = () => new Date(when.getTime());
  try {
    return await fn();
  } finally {
    delete (clock as Partial<typeof clock>).now; // the prototype's again
  }
}
