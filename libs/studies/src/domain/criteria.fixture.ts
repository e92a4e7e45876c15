/** Profile attributes of each type, and a condition maker, for the criteria, attribute-condition and quota tests. */
import type { AttributeDef, AttributeOp } from './attribute-conditions';

export const DEFS: AttributeDef[] = [
  { key: 'city', type: 'string', options: null },
  { key: 'cars', type: 'number', options: null },
  { key: 'has_kids', type: 'boolean', options: null },
  { key: 'plan', type: 'enum', options: ['free', 'pro', 'team'] },
  { key: 'sports', type: 'multi_enum', options: ['bike', 'run', 'swim'] },
];

export const cond = (key: string, op: AttributeOp, value: unknown) => ({ key, op, value });
