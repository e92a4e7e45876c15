import {
  CARRIER_EVENT_STATUSES,
  canMove,
  carrierEventMove,
  isCarrierEventStatus,
  isShipmentStatus,
  isTerminal,
  nextStatuses,
  returnsStock,
  SHIPMENT_STATUSES,
  type CarrierEventStatus,
  type ShipmentStatus,
} from './shipment-status';

/** The legal moves, written out by hand from the decisions in shipment-status.ts; every other pair is illegal. */
const LEGAL: ReadonlySet<string> = new Set([
  'allocated→packed',
  'allocated→shipped',
  'allocated→cancelled',
  'packed→shipped',
  'packed→cancelled',
  'shipped→delivered',
  'shipped→lost',
  'delivered→return_requested',
  'return_requested→returned',
]);

const ALL_PAIRS: [ShipmentStatus, ShipmentStatus, boolean][] = SHIPMENT_STATUSES.flatMap((from) =>
  SHIPMENT_STATUSES.map((to): [ShipmentStatus, ShipmentStatus, boolean] => [from, to, LEGAL.has(`${from}→${to}`)]),
);

describe('canMove: every pair of statuses', () => {
  it('covers all 64 pairs', () => expect(ALL_PAIRS).toHaveLength(64));

  it.each(ALL_PAIRS)('%s → %s legal: %s', (from, to, legal) => {
    expect(canMove(from, to)).toBe(legal);
  });
});

describe('nextStatuses', () => {
  it.each<[ShipmentStatus, ShipmentStatus[]]>([
    ['allocated', ['packed', 'shipped', 'cancelled']],
    ['packed', ['shipped', 'cancelled']],
    ['shipped', ['delivered', 'lost']],
    ['delivered', ['return_requested']],
    ['return_requested', ['returned']],
    ['returned', []],
    ['lost', []],
    ['cancelled', []],
  ])('%s → %j', (from, next) => {
    expect(nextStatuses(from)).toEqual(next);
  });
});

describe('isTerminal', () => {
  it.each<[ShipmentStatus, boolean]>([
    ['allocated', false],
    ['packed', false],
    ['shipped', false],
    ['delivered', false],
    ['return_requested', false],
    ['returned', true],
    ['lost', true],
    ['cancelled', true],
  ])('%s: %s', (status, terminal) => {
    expect(isTerminal(status)).toBe(terminal);
  });
});

describe('returnsStock: every pair, with and without requiresReturn', () => {
  const STOCK: ReadonlySet<string> = new Set(['allocated→cancelled', 'packed→cancelled']);
  const STOCK_IF_REQUIRED: ReadonlySet<string> = new Set(['return_requested→returned']);
  const cases = ALL_PAIRS.flatMap(([from, to]) =>
    [true, false].map((requiresReturn): [ShipmentStatus, ShipmentStatus, boolean, boolean] => {
      const key = `${from}→${to}`;
      return [from, to, requiresReturn, STOCK.has(key) || (requiresReturn && STOCK_IF_REQUIRED.has(key))];
    }),
  );

  it.each(cases)('%s → %s (requiresReturn %s): %s', (from, to, requiresReturn, expected) => {
    expect(returnsStock(from, to, requiresReturn)).toBe(expected);
  });
});

describe('carrierEventMove: every status × event', () => {
  const EXPECTED: Record<string, ShipmentStatus> = {
    'allocated/in_transit': 'shipped',
    'packed/in_transit': 'shipped',
    'shipped/delivered': 'delivered',
    'return_requested/returned': 'returned',
  };
  const cases = SHIPMENT_STATUSES.flatMap((status) =>
    CARRIER_EVENT_STATUSES.map((event): [ShipmentStatus, CarrierEventStatus, ShipmentStatus | null] => [
      status,
      event,
      EXPECTED[`${status}/${event}`] ?? null,
    ]),
  );

  it.each(cases)('%s + %s → %s', (status, event, expected) => {
    expect(carrierEventMove(status, event)).toBe(expected);
  });

  it.each(cases.filter(([, , to]) => to !== null))('%s + %s → %s is a legal move', (status, event) => {
    const to = carrierEventMove(status, event);
    expect(to !== null && canMove(status, to)).toBe(true);
  });
});

describe('guards', () => {
  it.each<[unknown, boolean]>([
    ['allocated', true],
    ['return_requested', true],
    ['Allocated', false],
    ['', false],
    [null, false],
    [1, false],
  ])('isShipmentStatus(%j) → %s', (value, expected) => {
    expect(isShipmentStatus(value)).toBe(expected);
  });

  it.each<[unknown, boolean]>([
    ['in_transit', true],
    ['exception', true],
    ['shipped', false],
    [undefined, false],
  ])('isCarrierEventStatus(%j) → %s', (value, expected) => {
    expect(isCarrierEventStatus(value)).toBe(expected);
  });
});
