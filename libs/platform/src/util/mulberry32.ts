/**
 * mulberry32 (Tommy Ettinger): numbers in [0, 1) from a 32-bit state. Not cryptographic:
 * it makes a draw reproducible (wave samples, the demo's data, bench seeding), and its
 * output is pinned by the samples it has drawn, so it does not change.
 */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
