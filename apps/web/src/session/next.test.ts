import { describe, expect, it } from 'vitest';
import { afterSignOut, destinationFor, rolesFor } from './next';

describe('afterSignOut', () => {
  it('leaves the areas and the account pages for /login', () => {
    for (const path of ['/me', '/me/privacy', '/studio', '/brand/x', '/admin', '/account/password'])
      expect(afterSignOut(path)).toBe('/login');
  });

  it('stays on a public page: the goodbye page after an erasure, the home page', () => {
    for (const path of ['/goodbye', '/', '/login', '/join/x']) expect(afterSignOut(path)).toBeNull();
  });
});

describe('destinationFor', () => {
  it('follows next only into an area the role may open', () => {
    expect(rolesFor('/me/points')).toEqual(['panellist']);
    expect(destinationFor('panellist', '/me', '/me/points')).toBe('/me/points');
    expect(destinationFor('panellist', '/me', '/studio')).toBe('/me');
  });
});
