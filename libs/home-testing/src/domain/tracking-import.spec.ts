import { ValidationError } from '@leadpanel/platform';
import { TRACKING_IMPORT_MAX_ROWS } from './csv';
import { readTrackingImport, type TrackingRow, type TrackingRowError } from './tracking-import';

const ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const ID2 = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const JSON_TYPE = 'application/json';
const H = 'shipmentId,carrier,trackingNumber';
const good = (row: number, shipmentId = ID, carrier = 'UPS', trackingNumber = '1Z999'): TrackingRow => ({
  row,
  shipmentId,
  carrier,
  trackingNumber,
});

describe('readTrackingImport: JSON rows', () => {
  it.each<[string, unknown[], TrackingRow[], TrackingRowError[]]>([
    [
      'good rows, 1-based',
      [
        { shipmentId: ID, carrier: 'UPS', trackingNumber: '1Z999' },
        { shipmentId: ID2, carrier: 'DHL', trackingNumber: 'JD 01/2-3.x_Y' },
      ],
      [good(1), good(2, ID2, 'DHL', 'JD 01/2-3.x_Y')],
      [],
    ],
    ['fields trimmed', [{ shipmentId: ` ${ID} `, carrier: ' UPS ', trackingNumber: ' 1Z999 ' }], [good(1)], []],
    [
      'upper-case UUID kept as sent',
      [{ shipmentId: ID.toUpperCase(), carrier: 'UPS', trackingNumber: '1Z999' }],
      [good(1, ID.toUpperCase())],
      [],
    ],
    ['one-character tracking number', [{ shipmentId: ID, carrier: 'UPS', trackingNumber: '7' }], [good(1, ID, 'UPS', '7')], []],
    ['empty array', [], [], []],
    ['missing field', [{ shipmentId: ID, carrier: 'UPS' }], [], [{ row: 1, shipmentId: ID, reason: 'missing_field' }]],
    ['missing shipmentId: none echoed', [{ carrier: 'UPS', trackingNumber: '1Z999' }], [], [{ row: 1, reason: 'missing_field' }]],
    [
      'blank field',
      [{ shipmentId: ID, carrier: '  ', trackingNumber: '1Z999' }],
      [],
      [{ row: 1, shipmentId: ID, reason: 'missing_field' }],
    ],
    [
      'field not a string',
      [{ shipmentId: ID, carrier: 'UPS', trackingNumber: 12345 }],
      [],
      [{ row: 1, shipmentId: ID, reason: 'missing_field' }],
    ],
    ['row not an object', ['x', null, [ID, 'UPS', '1Z999']], [], [1, 2, 3].map((row) => ({ row, reason: 'missing_field' }))],
    [
      'unknown field',
      [{ shipmentId: ID, carrier: 'UPS', trackingNumber: '1Z999', note: 'x' }],
      [],
      [{ row: 1, shipmentId: ID, reason: 'unknown_field: note' }],
    ],
    [
      'unknown fields: the first 3 named, each cut to 50',
      [{ shipmentId: ID, carrier: 'UPS', trackingNumber: '1Z999', a: 1, ['b'.repeat(60)]: 1, c: 1, d: 1 }],
      [],
      [{ row: 1, shipmentId: ID, reason: `unknown_field: a, ${'b'.repeat(50)}, c` }],
    ],
    ['carrier of 100 ok', [{ shipmentId: ID, carrier: 'C'.repeat(100), trackingNumber: '1Z999' }], [good(1, ID, 'C'.repeat(100))], []],
    [
      'carrier of 101',
      [{ shipmentId: ID, carrier: 'C'.repeat(101), trackingNumber: '1Z999' }],
      [],
      [{ row: 1, shipmentId: ID, reason: 'field_too_long' }],
    ],
    [
      'tracking number of 101',
      [{ shipmentId: ID, carrier: 'UPS', trackingNumber: 'T'.repeat(101) }],
      [],
      [{ row: 1, shipmentId: ID, reason: 'field_too_long' }],
    ],
    [
      'shipmentId of 101: echoed cut to 100',
      [{ shipmentId: 'S'.repeat(101), carrier: 'UPS', trackingNumber: '1Z999' }],
      [],
      [{ row: 1, shipmentId: 'S'.repeat(100), reason: 'field_too_long' }],
    ],
    [
      'long shipmentId with a missing field: echoed cut to 100',
      [{ shipmentId: 'S'.repeat(500) }],
      [],
      [{ row: 1, shipmentId: 'S'.repeat(100), reason: 'missing_field' }],
    ],
    [
      'not a UUID',
      [{ shipmentId: 's-1', carrier: 'UPS', trackingNumber: '1Z999' }],
      [],
      [{ row: 1, shipmentId: 's-1', reason: 'bad_shipment_id' }],
    ],
    [
      'tracking number with a character carriers do not print',
      [{ shipmentId: ID, carrier: 'UPS', trackingNumber: '1Z#999' }],
      [],
      [{ row: 1, shipmentId: ID, reason: 'bad_tracking_number' }],
    ],
    [
      'tracking number not starting with a letter or digit',
      [{ shipmentId: ID, carrier: 'UPS', trackingNumber: '-1Z999' }],
      [],
      [{ row: 1, shipmentId: ID, reason: 'bad_tracking_number' }],
    ],
    [
      'tracking number not ending with a letter or digit',
      [{ shipmentId: ID, carrier: 'UPS', trackingNumber: '1Z999/' }],
      [],
      [{ row: 1, shipmentId: ID, reason: 'bad_tracking_number' }],
    ],
    [
      'bad rows refused, the others go on',
      [
        { shipmentId: ID, carrier: 'UPS', trackingNumber: '1Z999' },
        { shipmentId: ID2 },
        { shipmentId: 'nope', carrier: 'UPS', trackingNumber: '1Z1' },
        { shipmentId: ID2, carrier: 'DHL', trackingNumber: 'JD2' },
      ],
      [good(1), good(4, ID2, 'DHL', 'JD2')],
      [
        { row: 2, shipmentId: ID2, reason: 'missing_field' },
        { row: 3, shipmentId: 'nope', reason: 'bad_shipment_id' },
      ],
    ],
  ])('%s', (_name, body, rows, errors) => {
    const result = readTrackingImport(body, JSON_TYPE);
    expect(result.rows).toEqual(rows);
    expect([...result.errors].sort((a, b) => a.row - b.row)).toEqual(errors);
  });

  it.each<[string | undefined]>([[JSON_TYPE], ['application/json; charset=utf-8'], [undefined], ['']])(
    'content type %j reads JSON',
    (type) => {
      expect(readTrackingImport([{ shipmentId: ID, carrier: 'UPS', trackingNumber: '1Z999' }], type).rows).toEqual([good(1)]);
    },
  );

  it.each<[number, boolean]>([
    [TRACKING_IMPORT_MAX_ROWS, true],
    [TRACKING_IMPORT_MAX_ROWS + 1, false],
  ])('%d rows: read %s', (count, read) => {
    const body = Array.from({ length: count }, () => ({ shipmentId: ID, carrier: 'UPS', trackingNumber: '1Z999' }));
    if (read) expect(readTrackingImport(body, JSON_TYPE).rows).toHaveLength(count);
    else
      expect(() => readTrackingImport(body, JSON_TYPE)).toThrow(new ValidationError(`At most ${TRACKING_IMPORT_MAX_ROWS} rows per import`));
  });

  it.each<[string, unknown]>([
    ['an object', { shipmentId: ID, carrier: 'UPS', trackingNumber: '1Z999' }],
    ['a string', `${H}\n${ID},UPS,1Z999`],
    ['nothing', undefined],
  ])('%s instead of an array is a 400', (_name, body) => {
    expect(() => readTrackingImport(body, JSON_TYPE)).toThrow(ValidationError);
    expect(() => readTrackingImport(body, JSON_TYPE)).toThrow(/Send a JSON array/);
  });
});

describe('readTrackingImport: CSV', () => {
  it.each<[string, string, TrackingRow[], TrackingRowError[]]>([
    [
      'good rows, numbered as records (header = 1)',
      `${H}\r\n${ID},UPS,1Z999\r\n\r\n${ID2},DHL,JD2\r\n`,
      [good(2), good(4, ID2, 'DHL', 'JD2')],
      [],
    ],
    ['header only', `${H}\n`, [], []],
    ['missing field: no shipmentId echoed', `${H}\n${ID},UPS`, [], [{ row: 2, reason: 'missing_field' }]],
    ['extra field', `${H}\n${ID},UPS,1Z999,x`, [], [{ row: 2, reason: 'extra_field' }]],
    ['field too long', `${H}\n${ID},UPS,${'T'.repeat(101)}`, [], [{ row: 2, reason: 'field_too_long' }]],
    ['bad quoting', `${H}\n${ID},U"PS,1Z999`, [], [{ row: 2, reason: 'bad_quoting' }]],
    ['not a UUID: echoed', `${H}\ns-1,UPS,1Z999`, [], [{ row: 2, shipmentId: 's-1', reason: 'bad_shipment_id' }]],
    ['bad tracking number: echoed', `${H}\n${ID},UPS,1Z 999!`, [], [{ row: 2, shipmentId: ID, reason: 'bad_tracking_number' }]],
  ])('%s', (_name, text, rows, errors) => {
    const result = readTrackingImport(text, 'text/csv');
    expect(result.rows).toEqual(rows);
    expect(result.errors).toEqual(errors);
  });

  it.each<[string]>([['text/csv'], ['text/csv; charset=utf-8'], ['TEXT/CSV'], ['text/plain']])('content type %j reads CSV', (type) => {
    expect(readTrackingImport(`${H}\n${ID},UPS,1Z999`, type).rows).toEqual([good(2)]);
  });

  it.each<[string, unknown, RegExp]>([
    ['no text', undefined, /The CSV body is empty/],
    ['text parsed as something else', { a: 1 }, /The CSV body is empty/],
    ['empty text', '', /the first line must be the header shipmentId,carrier,trackingNumber/],
    ['wrong header', `id,carrier,tracking\n${ID},UPS,1Z999`, /the first line must be the header/],
    [
      'one row over the limit',
      [H, ...Array.from({ length: TRACKING_IMPORT_MAX_ROWS + 1 }, () => `${ID},UPS,1Z999`)].join('\n'),
      new RegExp(`at most ${TRACKING_IMPORT_MAX_ROWS} rows per file \\(row ${TRACKING_IMPORT_MAX_ROWS + 2} is over\\)`),
    ],
  ])('%s is a 400', (_name, body, message) => {
    expect(() => readTrackingImport(body, 'text/csv')).toThrow(ValidationError);
    expect(() => readTrackingImport(body, 'text/csv')).toThrow(message);
  });

  it(`${TRACKING_IMPORT_MAX_ROWS} rows are read`, () => {
    const text = [H, ...Array.from({ length: TRACKING_IMPORT_MAX_ROWS }, () => `${ID},UPS,1Z999`)].join('\n');
    expect(readTrackingImport(text, 'text/csv').rows).toHaveLength(TRACKING_IMPORT_MAX_ROWS);
  });
});
