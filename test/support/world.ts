import {
  accept,
  createBrand,
  joinMany,
  myInvitationTo,
  openCampaign,
  recruitingStudy,
  studyBody,
  wave,
  type Campaign,
  type Panellist,
  type PanellistSpec,
  type Study,
  type StudyBody,
  type TestApp,
  type TestUser,
} from '../studies/studies-helpers';

/**
 * The study world every context past recruitment starts from (feedback, discussions, home
 * testing, insights, surveys): a researcher, a brand and a campaign that takes everyone.
 * One builder here; contexts add their own extras in their helpers.
 */
export interface StudyWorld {
  researcher: TestUser;
  brandId: string;
  campaign: Campaign;
}

export async function studyWorld(t: TestApp): Promise<StudyWorld> {
  const researcher = await t.staff('researcher');
  const brandId = (await createBrand(t)).id;
  const campaign = await openCampaign(t, researcher.token);
  return { researcher, brandId, campaign };
}

export interface Cohort {
  study: Study;
  /** invited and accepted: enrolled participants */
  participants: Panellist[];
  /** invited to the study, never answered */
  invitedOnly: Panellist[];
}

/**
 * A recruiting study restricted to its own country (so that no other study's wave reaches
 * its panellists, who have a contact cap): `participants` panellists join, are invited by a
 * wave and accept; `invitedOnly` more are invited and do not answer. `panellist` sets the
 * joiners' locale, name and the like (the country is always `country`).
 */
export async function cohort(
  t: TestApp,
  w: StudyWorld,
  opts: {
    country: string;
    participants: number;
    invitedOnly?: number;
    study?: Partial<StudyBody>;
    panellist?: Omit<PanellistSpec, 'country'>;
  },
): Promise<Cohort> {
  const total = opts.participants + (opts.invitedOnly ?? 0);
  const joined = await joinMany(
    t,
    w.campaign,
    Array.from({ length: total }, (_, i): PanellistSpec => ({
      displayName: `Beta tester ${opts.country} ${i}`,
      ...opts.panellist,
      country: opts.country,
    })),
  );
  const study = await recruitingStudy(
    t,
    w.researcher.token,
    studyBody(w.brandId, {
      title: `Kettle beta ${opts.country}`,
      targetSize: total,
      criteria: { countries: [opts.country] },
      ...opts.study,
    }),
  );
  const invited = await wave(t, w.researcher.token, study.id, { size: total, expiresInDays: 7 });
  if (invited.invited !== total) throw new Error(`the wave invited ${invited.invited} of ${total}`);
  const participants = joined.slice(0, opts.participants);
  for (const p of participants) {
    const inv = await myInvitationTo(t, p, study.id);
    if (!inv) throw new Error(`${p.email} was not invited to ${study.id}`);
    const res = await accept(t, p, inv.id);
    if (res.status !== 200 || res.body.status !== 'accepted') throw new Error(`accept: ${res.status} ${res.text}`);
  }
  return { study, participants, invitedOnly: joined.slice(opts.participants) };
}

/** Panellists of the panel who were never invited to anything (a country no study targets). */
export function bystanders(t: TestApp, w: StudyWorld, country: string, n = 1): Promise<Panellist[]> {
  return joinMany(
    t,
    w.campaign,
    Array.from({ length: n }, (_, i): PanellistSpec => ({ country, displayName: `Bystander ${country} ${i}` })),
  );
}
