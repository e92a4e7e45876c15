import type { QuestionReport, ReportContent } from '../report-content';
import { FORMULA_PROMPT, HOSTILE, MIN_CELL, MULTILINE_PROMPT, reportFixture } from './fixture';
import { formatDecimal, formatInstant, formatInteger, formatInterval, formatNumber, formatPercent } from './format';
import { renderReportHtml } from './report-html';

/** What Handlebars makes of a text from the content. */
const escaped = (text: string): string =>
  text.replace(
    /[&<>"'`=]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' })[c] ?? c,
  );

const ESCAPED_SCRIPT = '&lt;script&gt;alert(1)&lt;/script&gt;';
const VOID = new Set(['meta', 'br', 'hr', 'img', 'col', 'wbr']);

/** Balanced tags outside <style>, quoted attributes, no stray < > or & in text. */
function expectWellFormed(doc: string): void {
  const body = doc.replace(/^<!doctype html>\n/, '').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"<>]*")?)*)\s*(\/?)>/y;
  let i = 0;
  while (i < body.length) {
    if (body[i] === '<') {
      tag.lastIndex = i;
      const m = tag.exec(body);
      if (m === null) throw new Error(`malformed tag at ${i}: ${body.slice(i, i + 60)}`);
      const [whole, closing, name, , selfClosing] = m;
      if (closing === '/') {
        const open = stack.pop();
        if (open !== name) throw new Error(`</${name}> closes <${open}> at ${i}: ${body.slice(i - 60, i + 20)}`);
      } else if (selfClosing !== '/' && !VOID.has(name)) stack.push(name);
      i += whole.length;
    } else if (body[i] === '&') {
      const entity = /^&(?:[a-zA-Z]+|#x[0-9a-fA-F]+|#\d+);/.exec(body.slice(i, i + 12));
      if (entity === null) throw new Error(`stray & at ${i}: ${body.slice(i, i + 30)}`);
      i += entity[0].length;
    } else if (body[i] === '>') throw new Error(`stray > at ${i}: ${body.slice(i - 30, i + 10)}`);
    else i++;
  }
  expect(stack).toEqual([]);
}

/** The rendered block of one question, found by its prompt. */
function article(doc: string, prompt: string): string {
  const found = doc.split('<article class="question">').find((part) => part.includes(`<h3>${escaped(prompt)}</h3>`));
  if (found === undefined) throw new Error(`no question ${prompt}`);
  return found.slice(0, found.indexOf('</article>'));
}

const tableRow = (doc: string, header: string): string => {
  const m = new RegExp(`<tr><th scope="row">${header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</th>.*?</tr>`).exec(doc);
  if (m === null) throw new Error(`no row ${header}`);
  return m[0];
};

function withQuestion(patch: Partial<QuestionReport>): ReportContent {
  const content = reportFixture();
  content.surveys[0].questions = [{ id: 'q-x', type: 'likert', prompt: 'Patched', n: 10, ...patch }];
  return content;
}

const empty = (): ReportContent => ({
  studyId: 's',
  version: 1,
  generatedAt: '2025-01-01T00:00:00.000Z',
  minCell: 5,
  study: { title: 'Empty study', theme: 'Nothing yet', status: 'draft' },
  funnel: { invited: 0, accepted: 0, declined: 0, expired: 0, waitlisted: 0, enrolled: 0, completed: 0 },
  quotas: [],
  composition: { country: [], gender: [], ageBand: [], tier: [] },
  surveys: [],
  discussions: { rounds: [], codes: [], topIdeas: [] },
  homeTesting: { products: [] },
  feedback: { byKind: {}, bySeverity: {}, byStatus: {}, top: [] },
});

describe('renderReportHtml', () => {
  const content = reportFixture();
  const html = renderReportHtml(content, { brandName: 'Acme & Co' });

  it('is one self-contained, inert HTML document', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport"')).toBe(true);
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*\.survey \{ break-before: page;[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<(?:link|iframe|object|embed|img|image|use|foreignObject|base|form|meta http-equiv)\b/i);
    expect(html).not.toMatch(/javascript:|url\(|@import/i);
    const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(100);
    for (const t of tags) expect(t).not.toMatch(/\s(?:on[a-z]+|href|src|srcset|xlink:href|style)\s*=/i);
    expectWellFormed(html);
  });

  it('renders the title block: study, theme, version, generation time, minCell, brand', () => {
    expect(html).toContain(`<title>${escaped(content.study.title)} – report v3</title>`);
    expect(html).toContain(`<h1>${escaped(content.study.title)}</h1>`);
    expect(html).toContain('<p class="meta">Prepared for Acme &amp; Co</p>');
    expect(html).toContain('<dt>Theme</dt><dd>Cooking &amp; kitchen appliances</dd>');
    expect(html).toContain('<dt>Report version</dt><dd>3</dd>');
    expect(html).toContain('<time datetime="2025-03-14T10:22:05.123Z">2025-03-14 10:22 UTC</time>');
    expect(html).toContain(`fewer than ${MIN_CELL} respondents are not shown`);
    expect(renderReportHtml(content)).not.toContain('Prepared for');
  });

  it('renders every section', () => {
    for (const id of ['funnel', 'quotas', 'composition', 'discussions', 'home-testing', 'feedback'])
      expect(html).toContain(`<section id="${id}">`);
    expect(html.match(/<section class="survey">/g)).toHaveLength(content.surveys.length);
    for (const survey of content.surveys) {
      expect(html).toContain(`<h2>${escaped(survey.title)}</h2>`);
      for (const question of survey.questions) expect(html).toContain(`<h3>${escaped(question.prompt)}</h3>`);
    }
    // funnel and quotas
    expect(tableRow(html, 'Invited')).toBe('<tr><th scope="row">Invited</th><td class="num">60</td><td class="num">100.0%</td></tr>');
    expect(tableRow(html, 'Completed')).toBe('<tr><th scope="row">Completed</th><td class="num">20</td><td class="num">33.3%</td></tr>');
    expect(html).toContain(
      '<tr><td>Gender</td><th scope="row">Women</th><td class="num">12</td><td class="num">13</td><td class="num">108.3%</td></tr>',
    );
    // composition: four small tables
    for (const caption of ['Country', 'Gender', 'Age band', 'Tier']) expect(html).toContain(`<caption>${caption}</caption>`);
    expect(tableRow(html, 'Silver')).toBe('<tr><th scope="row">Silver</th><td class="num">19</td><td class="num">79.2%</td></tr>');
    // discussions
    expect(tableRow(html, 'First week with the robot')).toContain(
      '<td class="num">42</td><td class="num">19</td><td class="num">79.2%</td>',
    );
    expect(html).toContain(`<h4>${escaped(`Noise ${HOSTILE}`)} <span class="meta">(9 posts)</span></h4>`);
    expect(html).toContain('<blockquote><p>Sounds like a jet engine when kneading.</p><footer>— P-03</footer></blockquote>');
    expect(html).toContain('<footer>— P-21 · 14 likes · Visible</footer>');
    // home testing
    expect(html).toMatch(
      /<td>K2-EU-WHT<\/td><td class="num">24<\/td><td class="num">24<\/td><td class="num">22<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">2.5<\/td>/,
    );
    // feedback
    for (const caption of ['By kind', 'By severity', 'By status']) expect(html).toContain(`<caption>${caption}</caption>`);
    expect(tableRow(html, 'Critical')).toBe('<tr><th scope="row">Critical</th><td class="num">1</td></tr>');
    expect(html).toContain(
      `<th scope="row">${escaped(`Lid sensor fails ${HOSTILE}`)}</th><td>Bug</td><td>Major</td><td>Triaged</td><td class="num">8</td>`,
    );
  });

  it('renders the figures of each question type', () => {
    const ease = article(html, MULTILINE_PROMPT);
    expect(ease).toContain('<p class="meta">Likert scale · n = 24</p>');
    expect(ease).toContain('<tr><th scope="row">4</th><td class="num">9</td><td class="num">37.5%</td></tr>');
    expect(ease).toMatch(
      /<dt>Mean<\/dt><dd>3\.8<\/dd>\s*<dt>Median<\/dt><dd>4<\/dd>\s*<dt>SD<\/dt><dd>1\.1<\/dd>\s*<dt>95 % CI of the mean<\/dt><dd>\[3\.3 – 4\.3\]<\/dd>/,
    );
    expect(ease).toMatch(/<dt>Top-2-box<\/dt><dd>66\.7%<\/dd>\s*<dt>95 % CI<\/dt><dd>\[46\.7 – 82\.0\]<\/dd>/);
    expect(ease).toContain('<caption>By age band</caption>');
    expect(tableRow(ease, '18–34')).toBe('<tr><th scope="row">18–34</th><td class="num">9</td><td class="num">4.1</td></tr>');

    const nps = article(html, 'How likely are you to recommend the robot to a friend?');
    expect(nps).toMatch(/<dt>NPS<\/dt><dd>25\.0<\/dd>\s*<dt>95 % CI<\/dt><dd>\[-6\.1 – 56\.1\]<\/dd>/);
    expect(nps).toMatch(
      /Promoters \(9–10\)<\/dt><dd>45\.8%[\s\S]*Passives \(7–8\)<\/dt><dd>33\.3%[\s\S]*Detractors \(0–6\)<\/dt><dd>20\.8%/,
    );

    const sus = article(html, 'System Usability Scale');
    expect(sus).toMatch(
      /<dt>SUS mean<\/dt><dd>75\.1<\/dd>\s*<dt>Grade<\/dt><dd>B<\/dd>\s*<dt>SD<\/dt><dd>9\.5<\/dd>\s*<dt>95 % CI<\/dt><dd>\[70\.7 – 79\.6\]<\/dd>/,
    );

    const frequency = article(html, `How often do you cook? ${HOSTILE}`);
    expect(frequency).toContain('<caption>By country</caption>');
    expect(tableRow(frequency, 'France')).toBe(
      '<tr><th scope="row">France</th><td class="num">15</td><td class="num">46.7%</td><td class="num">33.3%</td><td class="num">13.3%</td><td class="num">6.7%</td></tr>',
    );

    const text = article(html, 'What would you improve?');
    expect(text).toContain('<tr><th scope="row">noise</th><td class="num">7</td></tr>');
    expect(text).toContain('<tr><th scope="row">too loud</th><td class="num">4</td></tr>');
    expect(text).toContain(`<blockquote><p>${escaped(`It is too loud ${HOSTILE}`)}</p><footer>— P-07</footer></blockquote>`);
    expect(text).toContain('<p>The lid is hard to clean.\nWrite to me at [email] or call [phone].</p><footer>— P-12</footer>');
  });

  it('escapes every text from the content, and never lets markup through', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('"quotes"');
    expect(html).not.toContain(`'apostrophes'`);
    // title ×2, survey title, prompt (+ its chart title), quote, round, code, idea, product, feedback item
    expect(html.split(ESCAPED_SCRIPT).length - 1).toBe(11);
    expect(html).toContain('&quot;quotes&quot; &amp; &#x27;apostrophes&#x27;');
    expect(html).toContain(`<h3>&#x3D;HYPERLINK(&quot;x&quot;,&quot;Click&quot;) How would you rate the lid?</h3>`);
    expect(FORMULA_PROMPT.startsWith('=')).toBe(true);

    const hostileBrand = renderReportHtml(content, { brandName: '<img src=x onerror=alert(1)>' });
    expect(hostileBrand).toContain('Prepared for &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(hostileBrand).not.toContain('<img');
  });

  it('renders nothing for absent figures: no undefined, NaN or null anywhere', () => {
    expect(html).not.toMatch(/undefined|NaN|null|Infinity|\[object/);

    const once = article(html, 'Rate the recipe app (0–10)');
    expect(once).toContain('<dt>Mean</dt><dd>9.0</dd>');
    expect(once).toContain('<dt>Median</dt><dd>9</dd>');
    expect(once).not.toMatch(/<dt>SD<\/dt>|CI of the mean/);
    expect(once).toMatch(/<dt>Top-2-box<\/dt><dd>100\.0%<\/dd>\s*<dt>95 % CI<\/dt><dd>\[20\.7 – 100\.0\]<\/dd>/);

    const nobody = article(html, 'How satisfied are you with the dessert programme?');
    expect(nobody).toContain('<p class="empty">No answers.</p>');
    expect(nobody).not.toMatch(/<svg|<table|<dl|%/);

    expect(tableRow(html, escaped(`Ideas ${HOSTILE}`))).toMatch(
      /<td class="num">0<\/td><td class="num">0<\/td><td class="num"><\/td><\/tr>$/,
    );
    expect(tableRow(html, 'Replacement lid v2')).toMatch(/<td class="num">0<\/td><td class="num"><\/td><\/tr>$/);
    expect(html).toContain(
      '<tr><td>Age band</td><th scope="row">55+</th><td class="num">0</td><td class="num">4</td><td class="num"></td></tr>',
    );
    expect(tableRow(html, 'Timer visible from across the room')).toContain('<td>Idea</td><td></td><td>New</td>');
  });

  it('shows a suppressed cross-tab row with its reason and no figure at all', () => {
    const rows = html.match(/<tr class="suppressed">.*?<\/tr>/g) ?? [];
    expect(rows).toEqual([
      '<tr class="suppressed"><th scope="row">Belgium</th><td colspan="5">fewer than 5 respondents</td></tr>',
      '<tr class="suppressed"><th scope="row">55+</th><td colspan="2">fewer than 5 respondents</td></tr>',
    ]);
    const larger = renderReportHtml({ ...content, minCell: 10 });
    expect(larger.match(/<tr class="suppressed">.*?<\/tr>/g)?.[0]).toBe(
      '<tr class="suppressed"><th scope="row">Belgium</th><td colspan="5">fewer than 10 respondents</td></tr>',
    );
  });

  it('suppresses by the flag, even if a bad row still carries figures', () => {
    const leaky = withQuestion({
      crosstabs: [
        { segment: 'tier', rows: [{ value: 'gold', n: 3, suppressed: true, mean: 4.25, distribution: [{ value: '5', n: 3, pct: 100 }] }] },
      ],
    });
    const row = renderReportHtml(leaky).match(/<tr class="suppressed">.*?<\/tr>/)?.[0];
    expect(row).toBe('<tr class="suppressed"><th scope="row">Gold</th><td colspan="1">fewer than 5 respondents</td></tr>');
  });

  it('shows every code by its word, never raw (a brand reads "Non-binary", not non_binary)', () => {
    const coded: ReportContent = {
      ...content,
      study: { ...content.study, status: 'in_field' },
      quotas: [
        { dimension: 'tier', value: 'lead_user', target: 12, enrolled: 12 },
        { dimension: 'attribute:home_type', value: 'detached_house', target: 10, enrolled: 4 },
        { dimension: 'country', value: 'LU', target: 5, enrolled: 5 },
      ],
      composition: {
        ...content.composition,
        gender: [
          { value: 'non_binary', n: 2 },
          { value: 'prefer_not_to_say', n: 1 },
          { value: 'unknown', n: 1 },
        ],
        tier: [{ value: 'lead_user', n: 12 }],
      },
      discussions: {
        ...content.discussions,
        codes: content.discussions.codes.map((c) => ({ ...c, n: 1 })),
        topIdeas: [{ postId: 'p-1', pseudonym: 'P-21', text: 'A quiet mode.', likes: 1, status: 'under_review' }],
      },
      feedback: {
        ...content.feedback,
        byStatus: { in_progress: 2, wont_fix: 1 },
        top: [{ id: 'f-1', kind: 'question', severity: 'blocker', status: 'wont_fix', title: 'Where is the manual?', meToo: 1 }],
      },
    };
    const doc = renderReportHtml(coded);
    expect(doc).toContain('<dt>Study status</dt><dd>In field</dd>');
    expect(doc).toContain('<tr><td>Tier</td><th scope="row">Lead users</th>');
    expect(doc).toContain('<tr><td>Home type</td><th scope="row">Detached house</th>');
    expect(doc).toContain('<tr><td>Country</td><th scope="row">Luxembourg</th>');
    for (const word of ['Non-binary', 'Prefer not to say', 'Unknown', 'In progress', 'Won’t fix'])
      expect(doc).toContain(`<th scope="row">${escaped(word)}</th>`);
    expect(doc).toContain('<footer>— P-21 · 1 like · Under review</footer>');
    expect(doc).toContain('<span class="meta">(1 post)</span>');
    expect(doc).toContain('<td>Question</td><td>Blocker</td><td>Won’t fix</td>');
    const body = doc.slice(doc.indexOf('<body>'));
    for (const code of [
      'in_field',
      'lead_user',
      'attribute:',
      'home_type',
      'non_binary',
      'prefer_not_to_say',
      'under_review',
      'in_progress',
      'wont_fix',
      '1 likes',
      '1 posts',
    ])
      expect(body).not.toContain(code);
  });

  it('fits a phone: every table scrolls inside its own box, never the page', () => {
    const tables = html.match(/<table[\s>]/g) ?? [];
    expect(tables.length).toBeGreaterThan(5);
    expect(html.match(/<div class="scroll"><table[\s>]/g)).toHaveLength(tables.length);
    expect(html).toContain('.scroll { max-width: 100%; overflow-x: auto; }');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('draws charts server-side: funnel, distributions, NPS and SUS', () => {
    const svgs = html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];
    // funnel + 7 answered questions with a distribution + NPS + SUS
    expect(svgs).toHaveLength(10);
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg viewBox="0 0 600 [\d.]+" width="100%" role="img"/);
      expect(svg).not.toContain('xmlns');
    }
    expect(svgs[0]).toContain('<title>Funnel, % of invited</title>');
    expect(article(html, `How often do you cook? ${HOSTILE}`)).toContain(
      '<figure class="chart"><svg viewBox="0 0 600 104" width="100%" role="img" font-family="sans-serif" font-size="12"><title>Distribution: How often do you cook? &lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; &apos;apostrophes&apos;</title>',
    );
    const nps = article(html, 'How likely are you to recommend the robot to a friend?');
    expect(nps).toContain('<title>NPS 25.0</title>');
    expect(nps.match(/fill="#(?:c0392b|bdc3c7|27ae60)"/g)).toHaveLength(3);
    expect(article(html, 'System Usability Scale')).toContain('<title>SUS 75.1 (B)</title>');
  });

  it('clamps the NPS interval to the possible scores for display', () => {
    const tiny = withQuestion({
      type: 'nps',
      n: 2,
      nps: { score: 0, promoters: 50, passives: 0, detractors: 50, ci95: [-138.59, 138.59] },
    });
    expect(renderReportHtml(tiny)).toContain('<dt>95 % CI</dt><dd>[-100.0 – 100.0]</dd>');
  });

  it('renders an empty report with its empty sections', () => {
    const doc = renderReportHtml(empty());
    for (const text of ['No quotas.', 'No discussion rounds.', 'No coded posts.', 'No ideas.', 'No products.', 'No feedback.'])
      expect(doc).toContain(text);
    expect(doc.match(/<td colspan="3" class="empty">None.<\/td>/g)).toHaveLength(4);
    expect(doc.match(/<td colspan="2" class="empty">None.<\/td>/g)).toHaveLength(3);
    expect(tableRow(doc, 'Invited')).toBe('<tr><th scope="row">Invited</th><td class="num">0</td><td class="num"></td></tr>');
    expect(doc).not.toMatch(/<svg|class="survey"|undefined|NaN|null/);
    expectWellFormed(doc);
  });

  it('fails loudly rather than print a figure that is not a number', () => {
    expect(() => renderReportHtml(withQuestion({ mean: Number.NaN }))).toThrow('report figure is not a finite number: NaN');
    expect(() => renderReportHtml(withQuestion({ n: 2.5 }))).toThrow('report count is not an integer: 2.5');
    const broken = reportFixture() as unknown as { study: Record<string, unknown> };
    delete broken.study.theme;
    expect(() => renderReportHtml(broken as unknown as ReportContent)).toThrow(/"theme" not defined/);
  });
});

describe('report number formats', () => {
  it.each<[string, unknown, string, (x: unknown) => string]>([
    ['decimal', 3.75, '3.8', formatDecimal],
    ['decimal', -0.04, '0.0', formatDecimal],
    ['decimal', 12, '12.0', formatDecimal],
    ['percent', 33.333333, '33.3%', formatPercent],
    ['percent', 100, '100.0%', formatPercent],
    ['integer', 1234, '1234', formatInteger],
    ['number', 4, '4', formatNumber],
    ['number', 3.5, '3.5', formatNumber],
    ['number', 2.25, '2.3', formatNumber],
    ['interval', [46.72, 82.04], '[46.7 – 82.0]', formatInterval],
    ['interval', [-6.07, 56.04], '[-6.1 – 56.0]', formatInterval],
  ])('%s(%j) → %j', (_name, input, expected, format) => {
    expect(format(input)).toBe(expected);
  });

  it.each<[string, () => string]>([
    ['undefined', () => formatDecimal(undefined)],
    ['null', () => formatPercent(null)],
    ['NaN', () => formatNumber(Number.NaN)],
    ['Infinity', () => formatDecimal(Infinity)],
    ['a string', () => formatDecimal('3.5')],
    ['a fractional count', () => formatInteger(1.5)],
    ['a one-ended interval', () => formatInterval([1])],
    ['an interval with NaN', () => formatInterval([1, Number.NaN])],
  ])('throws on %s', (_name, format) => {
    expect(format).toThrow(TypeError);
  });

  it('writes instants in UTC to the minute, and shows a non-date as given', () => {
    expect(formatInstant('2025-03-14T23:59:59.999+02:00')).toBe('2025-03-14 21:59 UTC');
    expect(formatInstant('soon')).toBe('soon');
  });
});
