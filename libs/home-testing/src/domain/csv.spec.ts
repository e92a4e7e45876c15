import { csvCell, csvDocument, csvRow, parseTrackingCsv, TRACKING_CSV_LIMITS, type CsvValue, type TrackingCsvError } from './csv';

describe('csvCell', () => {
  it.each<[string, CsvValue, string]>([
    ['plain text', 'Marie Dupont', 'Marie Dupont'],
    ['accents kept', 'Élodie Lefèvre', 'Élodie Lefèvre'],
    ['empty string', '', ''],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['comma → quoted', '12 rue de la Paix, Bât. B', '"12 rue de la Paix, Bât. B"'],
    ['quote → quoted and doubled', 'the "big" box', '"the ""big"" box"'],
    ['only a quote', '"', '""""'],
    ['LF → quoted', 'line 1\nline 2', '"line 1\nline 2"'],
    ['CR LF → quoted', 'line 1\r\nline 2', '"line 1\r\nline 2"'],
    ['= neutralised', '=HYPERLINK("http://evil","x")', '"\'=HYPERLINK(""http://evil"",""x"")"'],
    ['= alone', '=1+2', "'=1+2"],
    ['+ neutralised', '+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['- neutralised (a string, even if it looks like a number)', '-3', "'-3"],
    ['@ neutralised', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['tab neutralised', '\t=1', "'\t=1"],
    ['CR neutralised and quoted', '\r=1', '"\'\r=1"'],
    ['formula char not at the start is left alone', 'a=b+c-d@e', 'a=b+c-d@e'],
    ['leading space is not neutralised', ' =1', ' =1'],
    ['apostrophe start kept as is', "'quoted", "'quoted"],
    ['negative number passed as a number', -3, '-3'],
    ['decimal number', 12.5, '12.5'],
    ['zero', 0, '0'],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('throws on %s', (value) => {
    expect(() => csvCell(value)).toThrow(RangeError);
  });
});

describe('csvRow and csvDocument', () => {
  it.each<[CsvValue[], string]>([
    [['a', 'b', 'c'], 'a,b,c'],
    [['a', null, 3], 'a,,3'],
    [['x,y', '=cmd', -1], '"x,y",\'=cmd,-1'],
    [[], ''],
  ])('csvRow(%j) → %j', (values, expected) => {
    expect(csvRow(values)).toBe(expected);
  });

  it('joins header and rows with CRLF, last line included', () => {
    expect(
      csvDocument(
        ['name', 'address'],
        [
          ['Ana', '1 rue A\nBP 2'],
          ['Bo', null],
        ],
      ),
    ).toBe('name,address\r\nAna,"1 rue A\nBP 2"\r\nBo,\r\n');
  });

  it.each<[boolean | undefined, string]>([
    [undefined, 'a\r\n'],
    [false, 'a\r\n'],
    [true, '\uFEFFa\r\n'],
  ])('bom %s', (bom, expected) => {
    expect(csvDocument(['a'], [], { bom })).toBe(expected);
  });

  it('refuses a row whose width differs from the header', () => {
    expect(() => csvDocument(['a', 'b'], [['1']])).toThrow(RangeError);
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
