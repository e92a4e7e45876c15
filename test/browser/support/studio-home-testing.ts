import { randomBytes } from 'node:crypto';
import type { BrowserContext } from '@playwright/test';
import { StaffApi } from './api';
import { call, login } from './api-client';
import type { Panellist, Study } from './api-types';
import { acceptInvitation, joinPanel, putAddress } from './panellist-api';
import { signInBrowser } from './session';

/**
 * The studio specs' builders (home testing and reports), through the HTTP API. A researcher
 * made by the admin must change the first password before the app lets them in: done here
 * through the API, then the builders' token is renewed (a password change ends the old ones).
 */
export async function readyResearcher(staff: StaffApi): Promise<{ email: string; password: string }> {
  const password = `studio-${randomBytes(6).toString('hex')}`;
  await call('POST', '/auth/password', {
    token: staff.researcher.token,
    body: { currentPassword: staff.researcher.password, newPassword: password },
    expect: 204,
  });
  const token = await login(staff.researcher.email, password);
  Object.assign(staff.researcher, { password, token });
  return { email: staff.researcher.email, password };
}

/** Signs the browser context in as the (ready) researcher, as the sign-in page does. */
export async function researcherInBrowser(context: BrowserContext, baseURL: string, staff: StaffApi): Promise<void> {
  await signInBrowser(context, baseURL, staff.researcher.email, staff.researcher.password);
}

/**
 * A study of the brand (criteria: `country`) with `names.length` enrolled participants, each
 * a panellist of that country who joined, was invited by a wave and accepted; with their
 * postal address stored when `addresses` (the default).
 */
export async function studyWithParticipants(
  staff: StaffApi,
  country: string,
  names: string[],
  opts: { title?: string; addresses?: boolean } = {},
): Promise<{ study: Study; panellists: Panellist[] }> {
  const campaign = await staff.createScreenerCampaign();
  const panellists: Panellist[] = [];
  for (const displayName of names) panellists.push(await joinPanel(campaign, { country, displayName, locale: 'en' }));
  const study = await staff.createStudyFor(country, { title: opts.title });
  await staff.sendWave(study.id);
  for (const p of panellists) await acceptInvitation(p, study.id);
  if (opts.addresses ?? true) for (const p of panellists) await putAddress(p);
  return { study, panellists };
}

/** RFC 4180 records of a small CSV without quoted line breaks (the pick list), BOM dropped. */
export function csvRecords(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => {
      const out: string[] = [];
      let field = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
          if (c === '"' && line[i + 1] === '"') {
            field += '"';
            i++;
          } else if (c === '"') quoted = false;
          else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') {
          out.push(field);
          field = '';
        } else field += c;
      }
      out.push(field);
      return out;
    });
}
