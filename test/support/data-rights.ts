import { API, bearer } from '../panel/panel-helpers';
import type { TestApp } from './test-app';

/**
 * A panellist's data rights as every context's tests exercise them: the export (GET /me/export)
 * and erasure (DELETE /me). test/panel/data-rights.e2e-spec.ts tests the endpoints themselves.
 */

/** The panellist's export; anything but 200 fails the test. */
export async function exportOf(t: TestApp, token: string): Promise<Record<string, unknown>> {
  const res = await t
    .http()
    .get(`${API}/me/export`)
    .set(...bearer(token));
  if (res.status !== 200) throw new Error(`GET /me/export: ${res.status} ${res.text}`);
  return res.body as Record<string, unknown>;
}

/** The panellist erases their account: the response, whose status (204) the caller checks. */
export function erase(t: TestApp, token: string) {
  return t
    .http()
    .delete(`${API}/me`)
    .set(...bearer(token));
}
