import { csvCell, csvDocument, csvRow, type CsvValue } from './csv-writer';

// The writer's own table (quoting, the dangerous leading characters, numbers): contexts that
// write CSV (the pick list, the report data) check once that they go through it, not the table.
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
});
