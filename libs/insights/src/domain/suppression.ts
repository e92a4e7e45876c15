/**
 * Small-cell suppression of cross-tabs (docs/http-contract.md, "Report JSON"; docs/domain.md: cells under
 * `REPORT_MIN_CELL`, default 5, are suppressed).
 *
 * Decisions:
 * - A suppressed row keeps only its `n`: the contract's row shape lists it and a reader
 *   needs to know why the row is empty. A count of 1–4 can itself be revealing, which is
 *   why segments are coarse and why the figures go.
 * - Rows are never merged or dropped.
 * - Complementary suppression is optional and off by default, because the contract only
 *   names the primary rule: when exactly one row is suppressed, the question's figures
 *   minus the visible rows would give it back.
 */
export const DEFAULT_MIN_CELL = 5;

export interface CrosstabRowInput<V = string> {
  value: V;
  n: number;
}

export type SuppressedRow<V = string> = { value: V; n: number; suppressed: true };
export type VisibleRow<R> = R & { suppressed: false };
export type CrosstabRow<R extends CrosstabRowInput<unknown>> = VisibleRow<R> | SuppressedRow<R['value']>;

export interface SuppressionOptions {
  minCell?: number;
  complementary?: boolean;
}

export function assertMinCell(minCell: number): void {
  if (!Number.isInteger(minCell) || minCell < 1) throw new RangeError(`minCell must be an integer ≥ 1, got ${minCell}`);
}

export function isSuppressed(n: number, minCell: number = DEFAULT_MIN_CELL): boolean {
  assertMinCell(minCell);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  return n < minCell;
}

export function suppressRows<R extends CrosstabRowInput<unknown>>(rows: readonly R[], options: SuppressionOptions = {}): CrosstabRow<R>[] {
  const minCell = options.minCell ?? DEFAULT_MIN_CELL;
  const hidden = rows.map((row) => isSuppressed(row.n, minCell));
  if (options.complementary === true && hidden.filter(Boolean).length === 1) {
    let smallest = -1;
    rows.forEach((row, i) => {
      if (!hidden[i] && (smallest === -1 || row.n < rows[smallest].n)) smallest = i;
    });
    if (smallest !== -1) hidden[smallest] = true;
  }
  return rows.map((row, i): CrosstabRow<R> =>
    hidden[i] ? { value: row.value, n: row.n, suppressed: true } : { ...row, suppressed: false },
  );
}
