/**
 * How figures are written in the HTML report (the JSON keeps them unrounded).
 *
 * Decisions:
 * - The same rounding as the charts (`figure` in svg.ts), so a table and its chart agree.
 * - No thousands separator: the report has no locale yet.
 * - Anything that is not a finite number throws: a figure that does not apply is absent
 *   from the content, so a NaN or null reaching a formatter is a bug, never something to print.
 */
import { figure } from '../../domain';

function finite(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new TypeError(`report ${what} is not a finite number: ${String(x)}`);
  return x;
}

/** One decimal: means, SDs, scores. */
export function formatDecimal(x: unknown): string {
  return figure(finite(x, 'figure'));
}

/** One decimal and a percent sign. */
export function formatPercent(x: unknown): string {
  return `${formatDecimal(x)}%`;
}

/** Counts: integers as is. */
export function formatInteger(x: unknown): string {
  const n = finite(x, 'count');
  if (!Number.isInteger(n)) throw new TypeError(`report count is not an integer: ${n}`);
  return String(n);
}

/** As is when whole, else one decimal (medians). */
export function formatNumber(x: unknown): string {
  const n = finite(x, 'number');
  return Number.isInteger(n) ? String(n) : figure(n);
}

/** `[low – high]`, one decimal each. */
export function formatInterval(interval: unknown): string {
  if (!Array.isArray(interval) || interval.length !== 2) throw new TypeError(`report interval is not [low, high]: ${String(interval)}`);
  return `[${formatDecimal(interval[0])} – ${formatDecimal(interval[1])}]`;
}

/** An ISO instant as `YYYY-MM-DD HH:mm UTC`; a string that is not a date is shown as given. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
