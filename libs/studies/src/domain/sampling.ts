/**
 * Wave sampling (docs/domain.md, "Studies" → Waves): which eligible panellists a wave invites.
 *
 * Randomness: FNV-1a of the seed into mulberry32. Neither is cryptographic, and neither
 * needs to be: the seed is not a secret, it only makes a sample reproducible. Both are part
 * of the contract (changing them changes the sample an old seed gives), so sampling.spec.ts
 * pins their output.
 *
 * Decisions:
 * - Candidates are sorted by id before the shuffle, so the sample does not depend on the
 *   order the database returned them in.
 * - With quotas, the wave is spread over each dimension's cells in proportion to their
 *   remaining need (largest remainder), each share capped by the cell's room, so one
 *   over-supplied cell cannot take the whole wave.
 * - A top-up pass then fills what is left with anyone who fits every cell's room (even in
 *   no cell at all): a wave is filled when it can be, within the caps.
 */
import { mulberry32 } from '@leadpanel/platform';
import { dimensionOfKey, roomFor } from './quotas';

export interface WaveCandidate {
  id: string;
  /** Keys of the quota cells the candidate belongs to (`cellKey`). */
  cells: readonly string[];
}

export interface WaveCell {
  key: string;
  /** Places still needed: max(0, target − enrolled). */
  remaining: number;
  openInvitations: number;
}

export interface WavePlanInput {
  size: number;
  candidates: readonly WaveCandidate[];
  cells: readonly WaveCell[];
  seed: string;
}

/** 32-bit FNV-1a of the string's UTF-16 code units. */
export function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function seededRandom(seed: string): () => number {
  return mulberry32(hashSeed(seed));
}

/** A shuffled copy (Fisher–Yates from the end), the same for the same items in the same order and seed. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Splits `size` over cells in proportion to `weight` (largest remainder). Exact integer
 * arithmetic; ties on the remainder go to the larger weight, then to the smaller key.
 */
export function largestRemainder(size: number, cells: readonly { key: string; weight: number }[]): Map<string, number> {
  const out = new Map<string, number>(cells.map((c) => [c.key, 0]));
  const total = cells.reduce((sum, c) => sum + c.weight, 0);
  if (total <= 0 || size <= 0) return out;
  const parts = cells.map((c) => ({
    key: c.key,
    weight: c.weight,
    base: Math.floor((size * c.weight) / total),
    rest: (size * c.weight) % total,
  }));
  let left = size - parts.reduce((sum, p) => sum + p.base, 0);
  parts.sort((a, b) => b.rest - a.rest || b.weight - a.weight || compareCodeUnits(a.key, b.key));
  for (const p of parts) {
    const extra = left > 0 && p.weight > 0 ? 1 : 0;
    left -= extra;
    out.set(p.key, p.base + extra);
  }
  return out;
}

export function planWave(input: WavePlanInput): string[] {
  const { size, candidates, cells, seed } = input;
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`wave size must be a whole number ≥ 0, got ${size}`);
  assertUnique(
    candidates.map((c) => c.id),
    'candidate id',
  );
  assertUnique(
    cells.map((c) => c.key),
    'cell key',
  );

  const ordered = seededShuffle(
    [...candidates].sort((a, b) => compareCodeUnits(a.id, b.id)),
    seed,
  );
  if (cells.length === 0) return ordered.slice(0, size).map((c) => c.id);

  const byKey = new Map(cells.map((c) => [c.key, c]));
  const room = new Map(cells.map((c) => [c.key, roomFor(c.remaining, c.openInvitations)]));
  const taken = new Map(cells.map((c) => [c.key, 0]));
  const share = shares(size, cells, room);
  const count = (map: ReadonlyMap<string, number>, key: string) => map.get(key) ?? 0;

  const quotaCells = ordered.map((c) => [...new Set(c.cells.filter((k) => byKey.has(k)))]);
  const fitsRoom = (keys: readonly string[]) => keys.every((k) => count(taken, k) < count(room, k));
  const chosen = new Set<number>();
  const choose = (i: number) => {
    chosen.add(i);
    for (const k of quotaCells[i]) taken.set(k, count(taken, k) + 1);
  };

  // Pass one: spread by need.
  for (let i = 0; i < ordered.length && chosen.size < size; i++) {
    const keys = quotaCells[i];
    if (keys.length > 0 && fitsRoom(keys) && keys.every((k) => count(taken, k) < count(share, k))) choose(i);
  }
  // Pass two: top-up within the room caps.
  for (let i = 0; i < ordered.length && chosen.size < size; i++) {
    if (!chosen.has(i) && fitsRoom(quotaCells[i])) choose(i);
  }
  return ordered.filter((_, i) => chosen.has(i)).map((c) => c.id);
}

/** Each cell's share of the wave: per dimension, in proportion to remaining need, capped by room. */
function shares(size: number, cells: readonly WaveCell[], room: ReadonlyMap<string, number>): Map<string, number> {
  const byDimension = new Map<string, WaveCell[]>();
  for (const cell of cells) {
    const dimension = dimensionOfKey(cell.key);
    byDimension.set(dimension, [...(byDimension.get(dimension) ?? []), cell]);
  }
  const out = new Map<string, number>();
  for (const group of byDimension.values()) {
    const open = group.filter((c) => c.remaining > 0 && (room.get(c.key) ?? 0) > 0);
    const split = largestRemainder(
      size,
      open.map((c) => ({ key: c.key, weight: c.remaining })),
    );
    for (const [key, n] of split) out.set(key, Math.min(n, room.get(key) ?? 0));
  }
  return out;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new RangeError(`duplicate ${what} "${v}"`);
    seen.add(v);
  }
}
