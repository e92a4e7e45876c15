/**
 * Shipment lifecycle (docs/domain.md, "Home testing"): a pure transition table.
 *
 * Decisions:
 * - `packed` is optional: the tracking import ships allocated or packed shipments.
 * - `cancelled` only before the parcel leaves, `lost` only from `shipped` (only a parcel
 *   in the carrier's hands can be lost).
 * - Forward only, no undo: the history reads forward; a mistake is corrected by cancelling
 *   and allocating again.
 * - `delivered → return_requested` is in the table for every product; whether the
 *   product `requiresReturn` (or a staff decision allows one) is checked by the service.
 */
export const SHIPMENT_STATUSES = [
  'allocated',
  'packed',
  'shipped',
  'delivered',
  'return_requested',
  'returned',
  'lost',
  'cancelled',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

const MOVES: Record<ShipmentStatus, readonly ShipmentStatus[]> = {
  allocated: ['packed', 'shipped', 'cancelled'],
  packed: ['shipped', 'cancelled'],
  shipped: ['delivered', 'lost'],
  delivered: ['return_requested'],
  return_requested: ['returned'],
  returned: [],
  lost: [],
  cancelled: [],
};

export function isShipmentStatus(value: unknown): value is ShipmentStatus {
  return typeof value === 'string' && (SHIPMENT_STATUSES as readonly string[]).includes(value);
}

export function canMove(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return MOVES[from].includes(to);
}

/** The statuses `from` may move to, in lifecycle order. */
export function nextStatuses(from: ShipmentStatus): readonly ShipmentStatus[] {
  return SHIPMENT_STATUSES.filter((to) => canMove(from, to));
}

export function isTerminal(status: ShipmentStatus): boolean {
  return MOVES[status].length === 0;
}

/**
 * Whether the legal move `from → to` puts the unit back in stock: a cancellation
 * (always before shipping), or a return of a product that `requiresReturn` (a product
 * that does not require return is not restocked even if the panellist sends it back:
 * it has been used). Illegal moves never return stock.
 */
export function returnsStock(from: ShipmentStatus, to: ShipmentStatus, requiresReturn: boolean): boolean {
  if (!canMove(from, to)) return false;
  if (to === 'cancelled') return true;
  return to === 'returned' && requiresReturn;
}

/** `status` of the body of POST /webhooks/carrier. */
export const CARRIER_EVENT_STATUSES = ['in_transit', 'delivered', 'exception', 'returned'] as const;
export type CarrierEventStatus = (typeof CARRIER_EVENT_STATUSES)[number];

export function isCarrierEventStatus(value: unknown): value is CarrierEventStatus {
  return typeof value === 'string' && (CARRIER_EVENT_STATUSES as readonly string[]).includes(value);
}

/**
 * The move a carrier event causes on a shipment in `current`, or null (the event is
 * only recorded). Decisions:
 * - `delivered` only from `shipped`: a carrier can only deliver what it carried (an
 *   allocated one is shipped by the tracking import first), and a `lost` one stays lost
 *   until staff look at it (no automatic resurrection).
 * - `returned` only from `return_requested`: a carrier "returned" on a shipped or
 *   delivered parcel is a return-to-sender notice, not the panellist's return of a
 *   tested product; staff decide what it means.
 * - `exception` is never a move (recorded for staff).
 */
export function carrierEventMove(current: ShipmentStatus, event: CarrierEventStatus): ShipmentStatus | null {
  switch (event) {
    case 'in_transit':
      return current === 'allocated' || current === 'packed' ? 'shipped' : null;
    case 'delivered':
      return current === 'shipped' ? 'delivered' : null;
    case 'returned':
      return current === 'return_requested' ? 'returned' : null;
    case 'exception':
      return null;
  }
}
