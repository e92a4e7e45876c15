import type { Shipment } from '../shared/api';

type Status = Shipment['status'];
export interface Step {
  status: Status;
  state: 'done' | 'current' | 'upcoming';
}

/**
 * The steps a parcel goes through, for reading: allocated → (packed, only once it happened)
 * → shipped → delivered, then the return line for products that go back. Null when the
 * parcel left the line (lost, cancelled): the page says so instead.
 */
export function stepsOf(s: Pick<Shipment, 'status'> & { product: Pick<Shipment['product'], 'requiresReturn'> }): Step[] | null {
  if (s.status === 'lost' || s.status === 'cancelled') return null;
  const line: Status[] = ['allocated', ...(s.status === 'packed' ? (['packed'] as const) : []), 'shipped', 'delivered'];
  if (s.product.requiresReturn || s.status === 'return_requested' || s.status === 'returned') line.push('return_requested', 'returned');
  const at = line.indexOf(s.status);
  return line.map((status, i) => ({ status, state: i < at ? 'done' : i === at ? 'current' : 'upcoming' }));
}
