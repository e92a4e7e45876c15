import { validateSync } from 'class-validator';
import { IsNotBlankText, IsSafeName, isBlankText, unsafeNameProblem } from './text-hygiene';

class Named {
  @IsSafeName()
  displayName: unknown;
}

class Said {
  @IsNotBlankText()
  body: unknown;
}

describe('text hygiene', () => {
  it.each([
    ['LF', 'a\nb', 'U+000A'],
    ['CR', 'a\rb', 'U+000D'],
    ['NUL', 'a\u0000', 'U+0000'],
    ['DEL', 'a\u007F', 'U+007F'],
    ['C1 NEL', 'a\u0085', 'U+0085'],
    ['LRE', '\u202Aa', 'U+202A'],
    ['RLO', 'a\u202E', 'U+202E'],
    ['LRI', '\u2066a', 'U+2066'],
    ['PDI', 'a\u2069', 'U+2069'],
    ['ZWSP', 'a\u200Bb', 'U+200B'],
    ['ZWJ', 'a\u200Db', 'U+200D'],
    ['WJ', 'a\u2060b', 'U+2060'],
    ['BOM', '\uFEFFa', 'U+FEFF'],
  ])('refuses a name with %s, naming the field and the character', (_what, value, code) => {
    expect(unsafeNameProblem(value, 'displayName')).toContain('displayName');
    expect(unsafeNameProblem(value, 'displayName')).toContain(code);
    const n = Object.assign(new Named(), { displayName: value });
    expect(validateSync(n).map((e) => e.property)).toEqual(['displayName']);
  });

  it.each(['Ada L.', 'Zoë Ångström', 'محمد', '李小龍', 'Ана 🚀', 'a\u200Eb' /* LRM: a mark, not an override */])('takes %s', (value) => {
    expect(unsafeNameProblem(value, 'displayName')).toBeNull();
    expect(validateSync(Object.assign(new Named(), { displayName: value }))).toEqual([]);
  });

  it.each([
    ['', true],
    ['   ', true],
    ['\n\t ', true],
    ['\u200B\u200C\u200D', true],
    [' \uFEFF \u2060 ', true],
    ['\u00A0\u200B', true],
    ['x', false],
    ['\u200Bx\u200B', false],
  ])('isBlankText(%j) is %s', (value, blank) => {
    expect(isBlankText(value)).toBe(blank);
    expect(validateSync(Object.assign(new Said(), { body: value })).length).toBe(blank ? 1 : 0);
  });
});
