import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './format';

describe('Intl formatting in the page language', () => {
  it('formats numbers and dates per language', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'fr')).toMatch(/^12\s345,5$/);
    const d = new Date(Date.UTC(2026, 11, 7, 12));
    expect(formatDate(d, 'en', { dateStyle: 'long', timeZone: 'UTC' })).toBe('December 7, 2026');
    expect(formatDate(d, 'fr', { dateStyle: 'long', timeZone: 'UTC' })).toBe('7 décembre 2026');
  });
});
