import { coord, distributionChart, escapeXml, figure, MAX_LABEL, npsChart, susChart } from './svg';

/** A small well-formedness check: balanced tags, quoted attributes, only known entities, no stray < or &. */
function expectWellFormed(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < xml.length) {
    if (xml[i] === '<') {
      tag.lastIndex = i;
      const m = tag.exec(xml);
      if (m === null) throw new Error(`malformed tag at ${i}: ${xml.slice(i, i + 40)}`);
      const [whole, closing, name, , selfClosing] = m;
      if (closing === '/') {
        if (stack.pop() !== name) throw new Error(`unbalanced </${name}> at ${i}`);
      } else if (selfClosing !== '/') stack.push(name);
      i += whole.length;
    } else if (xml[i] === '&') {
      const entity = /^&(?:amp|lt|gt|quot|apos);/.exec(xml.slice(i));
      if (entity === null) throw new Error(`stray & at ${i}`);
      i += entity[0].length;
    } else if (xml[i] === '>') throw new Error(`stray > at ${i}`);
    else i++;
  }
  expect(stack).toEqual([]);
}

function expectInert(svg: string): void {
  expect(svg).not.toMatch(/<script|<style|<foreignObject|<image|<use|href=|url\(|\son\w+=/i);
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 ')).toBe(true);
  expect(svg.endsWith('</svg>')).toBe(true);
  expect(svg).toMatch(/role="img"/);
  expect(svg).toMatch(/<title>[^<]+<\/title>/);
}

const barWidths = (svg: string): number[] =>
  [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*fill="(#[0-9a-f]+)"/g)].filter((m) => m[2] !== '#eeeeee').map((m) => Number(m[1]));

const HOSTILE = `<script>alert("x")</script> & 'quotes' ]]> <!-- --> \u0000\u0007\uFFFF\uD800`;

describe('escapeXml', () => {
  it.each<[string, string]>([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['<script>', '&lt;script&gt;'],
    [`"double" 'single'`, '&quot;double&quot; &apos;single&apos;'],
    ['&amp;', '&amp;amp;'],
    ['Élodie ✓ 😀', 'Élodie ✓ 😀'],
    ['tab\tlf\ncr\r', 'tab\tlf\ncr\r'],
    ['nul\u0000bel\u0007vt\u000B', 'nulbelvt'],
    ['\uFFFE\uFFFF', ''],
    ['lone \uD800 high, lone \uDC00 low', 'lone \uFFFD high, lone \uFFFD low'],
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe('coord and figure', () => {
  it.each<[number, string]>([
    [0, '0'],
    [-0, '0'],
    [-0.001, '0'],
    [1 / 3, '0.33'],
    [160, '160'],
    [12.345, '12.35'],
    [-4.5, '-4.5'],
  ])('coord(%d) = %s', (x, expected) => {
    expect(coord(x)).toBe(expected);
  });

  it.each([Number.NaN, Infinity])('coord refuses %d', (x) => {
    expect(() => coord(x)).toThrow(RangeError);
  });

  it.each<[number, string]>([
    [0, '0.0'],
    [200 / 3, '66.7'],
    [-0.04, '0.0'],
    [-12.25, '-12.2'],
    [100, '100.0'],
  ])('figure(%d) = %s', (x, expected) => {
    expect(figure(x)).toBe(expected);
  });
});

describe('distributionChart', () => {
  const rows = [
    { label: 'Yes', pct: 50 },
    { label: 'No', pct: 25 },
    { label: 'Maybe', pct: 200 / 3 },
    { label: 'Never', pct: 0 },
  ];

  it('bars are proportional to pct, on a fixed 320-unit track', () => {
    const svg = distributionChart(rows);
    expect(barWidths(svg)).toEqual([160, 80, 213.33, 0]);
    expect(svg).toContain('>66.7%</text>');
    expect(svg).toContain('viewBox="0 0 600 104"');
    expectWellFormed(svg);
    expectInert(svg);
  });

  it('clamps out-of-range shares when drawing, shows the figure', () => {
    const svg = distributionChart([
      { label: 'a', pct: 130 },
      { label: 'b', pct: -5 },
    ]);
    expect(barWidths(svg)).toEqual([320, 0]);
    expect(svg).toContain('>130.0%</text>');
  });

  it('escapes labels and title; cuts long labels before escaping', () => {
    const svg = distributionChart([{ label: HOSTILE, pct: 10 }], { title: HOSTILE });
    expectWellFormed(svg);
    expectInert(svg);
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const long = distributionChart([{ label: `${'x'.repeat(MAX_LABEL - 1)}&&&&`, pct: 1 }]);
    expect(long).toContain(`>${'x'.repeat(MAX_LABEL - 1)}…</text>`);
    expectWellFormed(long);
  });

  it('no rows: an empty, valid chart', () => {
    const svg = distributionChart([]);
    expect(barWidths(svg)).toEqual([]);
    expectWellFormed(svg);
  });
});

describe('npsChart', () => {
  it('segment widths are proportional to the shares and fill the bar', () => {
    const svg = npsChart({ score: 30, promoters: 50, passives: 30, detractors: 20 });
    expect(barWidths(svg)).toEqual([120, 180, 300]);
    expect(svg).toContain('<title>NPS 30.0</title>');
    expect(svg).toMatch(/<rect x="0" [^>]*width="120"/);
    expect(svg).toMatch(/<rect x="120" [^>]*width="180"/);
    expect(svg).toMatch(/<rect x="300" [^>]*width="300"/);
    expectWellFormed(svg);
    expectInert(svg);
  });

  it('a negative score and rounded shares', () => {
    const svg = npsChart({ score: -100 / 3, promoters: 100 / 3, passives: 0, detractors: 200 / 3 });
    expect(barWidths(svg)).toEqual([400, 0, 200]);
    expect(svg).toContain('NPS -33.3');
  });

  it('escapes caller words', () => {
    const svg = npsChart({ score: 0, promoters: 0, passives: 100, detractors: 0 }, { title: 'Q<1>', promoters: HOSTILE });
    expectWellFormed(svg);
    expectInert(svg);
    expect(svg).toContain('Q&lt;1&gt; 0.0');
  });

  it('all zero shares draw nothing', () => {
    expect(barWidths(npsChart({ score: 0, promoters: 0, passives: 0, detractors: 0 }))).toEqual([0, 0, 0]);
  });
});

describe('susChart', () => {
  it.each<[number, number]>([
    [0, 0],
    [50, 300],
    [72.5, 435],
    [100, 600],
  ])('mean %d → bar and marker at %d', (mean, x) => {
    const svg = susChart({ mean, grade: 'B-' });
    expect(barWidths(svg)).toEqual([x]);
    expect(svg).toContain(`<line x1="${x}" y1="20" x2="${x}"`);
    expect(svg).toContain(`SUS ${mean.toFixed(1)} (B-)`);
    expectWellFormed(svg);
    expectInert(svg);
  });

  it('escapes the title and grade', () => {
    const svg = susChart({ mean: 80, grade: '<A>' }, { title: HOSTILE });
    expectWellFormed(svg);
    expectInert(svg);
    expect(svg).toContain('(&lt;A&gt;)');
  });
});

describe('expectWellFormed itself', () => {
  it.each(['<svg><g></svg>', '<svg>a & b</svg>', '<svg><text>1 < 2</text></svg>', '<svg x=1></svg>', '<svg></g></svg>'])(
    'rejects %j',
    (xml) => {
      expect(() => expectWellFormed(xml)).toThrow();
    },
  );
});
