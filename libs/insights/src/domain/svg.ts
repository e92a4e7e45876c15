/**
 * Server-side SVG charts for the HTML report (docs/domain.md, "Insights": inline SVG charts).
 *
 * Decisions:
 * - The report inlines the output as trusted markup, which is safe only because every text
 *   from outside goes through `escapeXml`, which also drops what XML 1.0 forbids, so the
 *   document always parses.
 * - Self-contained and inert: no script, style, link, event attribute or fetched font.
 * - Labels are cut to `MAX_LABEL` *before* escaping, never in the middle of an entity.
 * - Numbers are rounded to one decimal for the chart only (JSON keeps them unrounded).
 */
export const CHART_WIDTH = 600;
export const MAX_LABEL = 32;

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A coordinate: rounded to 0.01, no trailing zeros, never "-0". */
export function coord(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite coordinate: ${x}`);
  const rounded = Math.round(x * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** A figure shown on a chart: one decimal, dot separator. */
export function figure(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  return (rounded === 0 ? 0 : rounded).toFixed(1);
}

function label(text: string): string {
  const chars = [...text];
  return escapeXml(chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : text);
}

const clampPct = (pct: number): number => Math.min(100, Math.max(0, pct));

function svg(height: number, title: string, body: string[]): string {
  const h = coord(height);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${h}" width="100%" role="img" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    ...body,
    '</svg>',
  ].join('');
}

function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${coord(x)}" y="${coord(y)}" width="${coord(width)}" height="${coord(height)}" fill="${fill}"/>`;
}

function text(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end' = 'start'): string {
  return `<text x="${coord(x)}" y="${coord(y)}" text-anchor="${anchor}">${content}</text>`;
}

export interface BarRow {
  label: string;
  pct: number;
}

const BAR = { labelWidth: 200, barX: 210, barWidth: 320, row: 24, barHeight: 16 } as const;

/** Horizontal bars, one per row, length ∝ pct (0–100). */
export function distributionChart(rows: readonly BarRow[], options: { title?: string } = {}): string {
  const body = rows.flatMap((row, i) => {
    const y = i * BAR.row + 4;
    return [
      text(BAR.labelWidth, y + 12, label(row.label), 'end'),
      rect(BAR.barX, y, BAR.barWidth, BAR.barHeight, '#eeeeee'),
      rect(BAR.barX, y, (clampPct(row.pct) / 100) * BAR.barWidth, BAR.barHeight, '#3b6ea5'),
      text(BAR.barX + BAR.barWidth + 6, y + 12, `${figure(row.pct)}%`),
    ];
  });
  return svg(Math.max(1, rows.length) * BAR.row + 8, options.title ?? 'Distribution', body);
}

export interface NpsChartInput {
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
}
export interface NpsChartLabels {
  title: string;
  detractors: string;
  passives: string;
  promoters: string;
}
const NPS_LABELS: NpsChartLabels = { title: 'NPS', detractors: 'Detractors', passives: 'Passives', promoters: 'Promoters' };

/** One bar split detractors | passives | promoters, widths ∝ their shares, with the score. */
export function npsChart(nps: NpsChartInput, labels: Partial<NpsChartLabels> = {}): string {
  const words = { ...NPS_LABELS, ...labels };
  const parts = [
    { pct: nps.detractors, fill: '#c0392b', name: words.detractors },
    { pct: nps.passives, fill: '#bdc3c7', name: words.passives },
    { pct: nps.promoters, fill: '#27ae60', name: words.promoters },
  ];
  const total = parts.reduce((sum, p) => sum + clampPct(p.pct), 0);
  let x = 0;
  const body = [text(0, 16, `${escapeXml(words.title)} ${figure(nps.score)}`)];
  for (const part of parts) {
    const width = total === 0 ? 0 : (clampPct(part.pct) / total) * CHART_WIDTH;
    body.push(rect(x, 24, width, 24, part.fill));
    x += width;
  }
  parts.forEach((part, i) => body.push(text((i * CHART_WIDTH) / 3, 68, `${label(part.name)} ${figure(part.pct)}%`)));
  return svg(76, `${words.title} ${figure(nps.score)}`, body);
}

/** SUS mean on a 0–100 track, with a marker and the grade. */
export function susChart(sus: { mean: number; grade: string }, options: { title?: string } = {}): string {
  const title = options.title ?? 'SUS';
  const x = (clampPct(sus.mean) / 100) * CHART_WIDTH;
  return svg(64, `${title} ${figure(sus.mean)} (${sus.grade})`, [
    text(0, 14, `${escapeXml(title)} ${figure(sus.mean)} (${label(sus.grade)})`),
    rect(0, 24, CHART_WIDTH, 16, '#eeeeee'),
    rect(0, 24, x, 16, '#3b6ea5'),
    `<line x1="${coord(x)}" y1="20" x2="${coord(x)}" y2="44" stroke="#000000" stroke-width="2"/>`,
    text(0, 58, '0'),
    text(CHART_WIDTH / 2, 58, '50', 'middle'),
    text(CHART_WIDTH, 58, '100', 'end'),
  ]);
}
