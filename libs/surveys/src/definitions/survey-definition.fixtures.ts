/** Survey definitions for the definition tests: one valid question of each type, and makers for surveys and variants of a question. */

export type Q = Record<string, unknown>;

export const opts = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));
export const manyOpts = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `o${i}`, label: `Option ${i}` }));

/** One valid question of each type. */
export const base: Record<string, Q> = {
  single: { id: 'single', type: 'single_choice', prompt: 'Which one?', options: opts('yes', 'no') },
  multi: { id: 'multi', type: 'multi_choice', prompt: 'Which ones?', options: opts('a', 'b', 'c') },
  likert5: { id: 'likert5', type: 'likert', prompt: 'Agree?', scale: 5 },
  likert7: { id: 'likert7', type: 'likert', prompt: 'Agree?', scale: 7 },
  rating: { id: 'rating', type: 'rating', prompt: 'Rate it' },
  nps: { id: 'nps', type: 'nps', prompt: 'Recommend?' },
  number: { id: 'number', type: 'number', prompt: 'How many?', min: 0, max: 10 },
  sus: { id: 'sus', type: 'sus', prompt: 'SUS' },
  text: { id: 'text', type: 'text', prompt: 'Tell us' },
};

export const survey = (questions: unknown[], extra: Q = {}): Q => ({ kind: 'general', title: 'A survey', questions, ...extra });
/** `base[name]` with some properties replaced (undefined removes one). */
export const q = (name: keyof typeof base, patch: Q = {}): Q => {
  const out: Q = { ...base[name], ...patch };
  for (const key of Object.keys(patch)) if (patch[key] === undefined) delete out[key];
  return out;
};
