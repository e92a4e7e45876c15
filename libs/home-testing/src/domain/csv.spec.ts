import { csvDocument, csvRow, parseTrackingCsv, TRACKING_CSV_LIMITS, type TrackingCsvError } from './csv';

// The writer's table is the platform's (libs/platform/src/csv/csv-writer.spec.ts): here, that the
// pick list's writer is that one, and that what it writes reads back.
describe('the pick-list writer', () => {
  it('is the platform writer: quoted, formula cells neutralised, numbers as is', () => {
    expect(csvRow(['x,y', '=cmd', -1])).toBe('"x,y",\'=cmd,-1');
  });

  it('round-trips through parseTrackingCsv', () => {
    const rows: [string, string, string][] = [
      ['s-1', 'La Poste, Colissimo', '6A123'],
      ['s-2', 'DHL "Express"', 'JD0001'],
    ];
    const parsed = parseTrackingCsv(csvDocument(['shipmentId', 'carrier', 'trackingNumber'], rows));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.shipmentId, r.carrier, r.trackingNumber])).toEqual(rows);
  });
});

describe('parseTrackingCsv', () => {
  const H = 'shipmentId,carrier,trackingNumber';

  it.each<[string, string, [number, string, string, string][], TrackingCsvError[]]>([
    [
      'LF',
      `${H}\ns1,UPS,1Z1\ns2,DHL,JD2\n`,
      [
        [2, 's1', 'UPS', '1Z1'],
        [3, 's2', 'DHL', 'JD2'],
      ],
      [],
    ],
    [
      'CRLF, no final line break',
      `${H}\r\ns1,UPS,1Z1\r\ns2,DHL,JD2`,
      [
        [2, 's1', 'UPS', '1Z1'],
        [3, 's2', 'DHL', 'JD2'],
      ],
      [],
    ],
    ['lone CR (old Mac)', `${H}\rs1,UPS,1Z1\r`, [[2, 's1', 'UPS', '1Z1']], []],
    ['BOM', `\uFEFF${H}\r\ns1,UPS,1Z1\r\n`, [[2, 's1', 'UPS', '1Z1']], []],
    ['header cells trimmed', ` shipmentId , carrier ,trackingNumber\ns1,UPS,1Z1`, [[2, 's1', 'UPS', '1Z1']], []],
    ['fields trimmed', `${H}\n s1 , UPS ,1Z1 \n`, [[2, 's1', 'UPS', '1Z1']], []],
    [
      'quoted fields with comma, quotes, line break',
      `${H}\n"s1","La Poste, ""Colissimo""","6A\n1"\ns2,DHL,JD2`,
      [
        [2, 's1', 'La Poste, "Colissimo"', '6A\n1'],
        [3, 's2', 'DHL', 'JD2'],
      ],
      [],
    ],
    [
      'blank lines skipped but counted',
      `${H}\n\ns1,UPS,1Z1\n\r\n  \n,,\ns2,DHL,JD2\n\n`,
      [
        [3, 's1', 'UPS', '1Z1'],
        [7, 's2', 'DHL', 'JD2'],
      ],
      [],
    ],
    ['missing field', `${H}\ns1,UPS\ns2,DHL,JD2`, [[3, 's2', 'DHL', 'JD2']], [{ row: 2, reason: 'missing_field' }]],
    [
      'empty field',
      `${H}\ns1,,1Z1\ns2,DHL,""`,
      [],
      [
        { row: 2, reason: 'missing_field' },
        { row: 3, reason: 'missing_field' },
      ],
    ],
    ['extra field', `${H}\ns1,UPS,1Z1,extra`, [], [{ row: 2, reason: 'extra_field' }]],
    [
      'field of 100 chars ok, 101 too long',
      `${H}\ns1,UPS,${'A'.repeat(100)}\ns2,UPS,${'A'.repeat(101)}`,
      [[2, 's1', 'UPS', 'A'.repeat(100)]],
      [{ row: 3, reason: 'field_too_long' }],
    ],
    ['text after closing quote', `${H}\n"s1"x,UPS,1Z1\ns2,DHL,JD2`, [[3, 's2', 'DHL', 'JD2']], [{ row: 2, reason: 'bad_quoting' }]],
    ['quote inside an unquoted field', `${H}\ns1,U"PS,1Z1`, [], [{ row: 2, reason: 'bad_quoting' }]],
    ['unterminated quote', `${H}\ns1,UPS,"1Z1\n`, [], [{ row: 2, reason: 'bad_quoting' }]],
    ['empty text', '', [], [{ row: 1, reason: 'missing_header' }]],
    ['only blank lines', '\r\n\n', [], [{ row: 1, reason: 'missing_header' }]],
    ['header only', `${H}\r\n`, [], []],
    ['wrong header: one error, no rows', 'id,carrier,tracking\ns1,UPS,1Z1\ns2,DHL', [], [{ row: 1, reason: 'bad_header' }]],
    ['header in another order', 'carrier,shipmentId,trackingNumber\nUPS,s1,1Z1', [], [{ row: 1, reason: 'bad_header' }]],
    ['header with extra column', `${H},note\ns1,UPS,1Z1,x`, [], [{ row: 1, reason: 'bad_header' }]],
    ['header case matters', 'shipmentid,carrier,trackingnumber\ns1,UPS,1Z1', [], [{ row: 1, reason: 'bad_header' }]],
    ['header after blank lines', `\n\n${H}\ns1,UPS,1Z1`, [[4, 's1', 'UPS', '1Z1']], []],
    ['formula-looking values are data, not neutralised on input', `${H}\ns1,=UPS,+1Z1`, [[2, 's1', '=UPS', '+1Z1']], []],
  ])('%s', (_name, text, rows, errors) => {
    const result = parseTrackingCsv(text);
    expect(result.rows).toEqual(rows.map(([row, shipmentId, carrier, trackingNumber]) => ({ row, shipmentId, carrier, trackingNumber })));
    expect(result.errors).toEqual(errors);
  });

  it.each<[number, number]>([
    [TRACKING_CSV_LIMITS.maxRows, TRACKING_CSV_LIMITS.maxRows],
    [TRACKING_CSV_LIMITS.maxRows + 1, 0],
  ])('%d data rows → %d rows accepted', (count, accepted) => {
    const lines = [H, ...Array.from({ length: count }, (_, i) => `s${i},UPS,T${i}`)];
    const result = parseTrackingCsv(lines.join('\r\n'));
    expect(result.rows).toHaveLength(accepted);
    expect(result.errors).toEqual(accepted ? [] : [{ row: TRACKING_CSV_LIMITS.maxRows + 2, reason: 'too_many_rows' }]);
  });
});
