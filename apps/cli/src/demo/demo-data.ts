import { mulberry32 } from '@leadpanel/platform';
import type { Question } from '@leadpanel/surveys';

/**
 * The demo's fixed data: who the panellists are, what they answer and write. Pure and
 * deterministic: one seeded PRNG (mulberry32, fixed seed) draws every choice, so two
 * fresh databases get the same people, answers and texts (ids and times differ).
 *
 * Some texts carry an e-mail address or a phone number on purpose: the report masks them.
 */

export const DEMO_SEED = 0x2026_1a17;

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
  chance(p: number): boolean;
  sample<T>(items: readonly T[], n: number): T[];
}

export function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1][0];
    },
    chance: (p) => next() < p,
    sample: (items, n) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
  };
}

// ---- accounts ---------------------------------------------------------------

export const DEMO_BRAND = { name: 'Maison Lumière', slug: 'maison-lumiere' } as const;
export const DEMO_CAMPAIGN_SLUG = 'maison-lumiere-pioneers';

export const DEMO_PASSWORDS = {
  admin: 'demo-admin-2026',
  researcher: 'demo-researcher-2026',
  brand: 'demo-brand-2026',
  panellist: 'demo-panellist-2026',
} as const;

export const DEMO_STAFF = {
  admin: { email: 'admin@leadpanel.example', password: DEMO_PASSWORDS.admin },
  researcher: { email: 'claire.martin@leadpanel.example', password: DEMO_PASSWORDS.researcher },
  brand: { email: 'sophie.durand@maison-lumiere.example', password: DEMO_PASSWORDS.brand },
} as const;

// ---- panellists -------------------------------------------------------------

export type Country = 'FR' | 'BE' | 'NL' | 'DE' | 'GB' | 'ES';
export type TierIntent = 'lead_user' | 'emerging' | 'mainstream' | 'low';
export type Gender = 'female' | 'male' | 'non_binary' | 'prefer_not_to_say';
export type InviteAnswer = 'accept' | 'decline' | 'ignore';

export const PANEL_SIZE = 60;
/** applied, never confirmed their e-mail */
export const PENDING = new Set([17, 41]);
/** the referral chain: REFERRAL_ROOT nominates CHAIN[0], who nominates CHAIN[1], … */
export const REFERRAL_ROOT = 2;
export const CHAIN = [57, 58, 59];

const NAMES: Record<Country, { female: string[]; male: string[]; last: string[] }> = {
  FR: {
    female: ['Camille', 'Léa', 'Chloé', 'Manon', 'Inès', 'Élodie', 'Pauline', 'Sarah', 'Juliette', 'Margaux', 'Anaïs', 'Lucie'],
    male: ['Julien', 'Antoine', 'Mathieu', 'Hugo', 'Thomas', 'Nicolas', 'Lucas', 'Romain', 'Bastien', 'Théo', 'Adrien', 'Yanis'],
    last: ['Rousseau', 'Moreau', 'Fontaine', 'Lefèvre', 'Girard', 'Bernard', 'Dubois', 'Lambert', 'Mercier', 'Roux', 'Faure', 'Chevalier'],
  },
  BE: {
    female: ['Louise', 'Amandine', 'Charlotte', 'Hélène', 'Noémie', 'Elise', 'Marie'],
    male: ['Maxime', 'Arnaud', 'Tom', 'Cédric', 'Quentin', 'Simon', 'Laurent'],
    last: ['Peeters', 'Janssens', 'Dupont', 'Maes', 'Lemaire', 'Claes', 'Wouters', 'Lambrechts'],
  },
  NL: {
    female: ['Sanne', 'Lotte', 'Femke', 'Anouk', 'Iris', 'Eva', 'Noor'],
    male: ['Daan', 'Jeroen', 'Bram', 'Sem', 'Thijs', 'Ruben', 'Joost'],
    last: ['de Vries', 'Bakker', 'Visser', 'Smit', 'Mulder', 'de Jong', 'Meijer', 'van Dijk'],
  },
  DE: {
    female: ['Lena', 'Hannah', 'Miriam', 'Katrin', 'Anna', 'Sophie', 'Julia'],
    male: ['Jonas', 'Felix', 'Lukas', 'Tobias', 'Niklas', 'Moritz', 'Stefan'],
    last: ['Schmidt', 'Weber', 'Fischer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Keller'],
  },
  GB: {
    female: ['Emily', 'Olivia', 'Amelia', 'Grace', 'Isla', 'Hannah', 'Priya'],
    male: ['James', 'Oliver', 'Harry', 'George', 'Samuel', 'Callum', 'Rahul'],
    last: ['Carter', 'Whitfield', 'Hughes', 'Bennett', 'Clarke', 'Thompson', 'Patel', 'Murray'],
  },
  ES: {
    female: ['Lucía', 'Carmen', 'Marta', 'Paula', 'Elena', 'Nerea'],
    male: ['Pablo', 'Javier', 'Diego', 'Álvaro', 'Sergio', 'Iker'],
    last: ['García', 'Martínez', 'Ruiz', 'López', 'Sánchez', 'Fernández', 'Navarro'],
  },
};

interface Place {
  line1: string;
  postalCode: string;
  city: string;
}

const PLACES: Record<Country, Place[]> = {
  FR: [
    { line1: '14 rue Paul Bert', postalCode: '69003', city: 'Lyon' },
    { line1: '27 rue de la Roquette', postalCode: '75011', city: 'Paris' },
    { line1: '8 quai de la Fosse', postalCode: '44000', city: 'Nantes' },
    { line1: '3 rue Esquermoise', postalCode: '59000', city: 'Lille' },
    { line1: '52 cours Victor Hugo', postalCode: '33000', city: 'Bordeaux' },
    { line1: '11 rue des Filatiers', postalCode: '31000', city: 'Toulouse' },
  ],
  BE: [
    { line1: 'Rue du Bailli 21', postalCode: '1050', city: 'Bruxelles' },
    { line1: 'Rue Saint-Gilles 58', postalCode: '4000', city: 'Liège' },
    { line1: 'Meir 34', postalCode: '2000', city: 'Antwerpen' },
  ],
  NL: [
    { line1: 'Oudegracht 150', postalCode: '3511 AZ', city: 'Utrecht' },
    { line1: 'Witte de Withstraat 45', postalCode: '3012 BN', city: 'Rotterdam' },
    { line1: 'Vondelstraat 12', postalCode: '1054 GE', city: 'Amsterdam' },
  ],
  DE: [
    { line1: 'Bergmannstraße 17', postalCode: '10961', city: 'Berlin' },
    { line1: 'Schanzenstraße 8', postalCode: '20357', city: 'Hamburg' },
    { line1: 'Türkenstraße 40', postalCode: '80799', city: 'München' },
    { line1: 'Venloer Straße 95', postalCode: '50823', city: 'Köln' },
  ],
  GB: [
    { line1: '18 Gloucester Road', postalCode: 'BS7 8AE', city: 'Bristol' },
    { line1: '7 Marchmont Crescent', postalCode: 'EH9 1HN', city: 'Edinburgh' },
    { line1: '42 Burton Road', postalCode: 'M20 3ED', city: 'Manchester' },
  ],
  ES: [
    { line1: 'Calle de Fuencarral 45', postalCode: '28004', city: 'Madrid' },
    { line1: 'Carrer de Verdi 12', postalCode: '08012', city: 'Barcelona' },
    { line1: 'Calle Sierpes 30', postalCode: '41004', city: 'Sevilla' },
  ],
};

const PHONE_PREFIX: Record<Country, string> = { FR: '+33 6', BE: '+32 470', NL: '+31 6', DE: '+49 151', GB: '+44 7700 900', ES: '+34 612' };

export const HOME_TYPES = ['apartment', 'house', 'shared_flat', 'studio'] as const;
export const INTERESTS = [
  'lighting',
  'smart home',
  'diy',
  'sleep',
  'interior design',
  'reading',
  'photography',
  'home automation',
  'sustainability',
];

export interface PanellistSpec {
  index: number;
  email: string;
  displayName: string;
  firstName: string;
  country: Country;
  locale: 'en' | 'fr';
  birthYear: number;
  gender: Gender;
  tierIntent: TierIntent;
  answers: Record<string, number | string>;
  interests: string[];
  attributes: { home_type: (typeof HOME_TYPES)[number]; smart_devices: number; tinkerer: boolean };
  address: { line1: string; postalCode: string; city: string; country: Country; phone?: string } | null;
  invite: InviteAnswer;
}

const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');

/** Screener answers that land in a tier: every item on the lead-user end for `lead_user`, low for `low`. */
function screenerAnswers(r: Rng, intent: TierIntent): Record<string, number | string> {
  // lead users score 83–100, emerging 50–67, mainstream 33–47 (one item held at 3), low under 17 (waitlisted)
  const [lo, hi] = { lead_user: [6, 7], emerging: [4, 5], mainstream: [3, 4], low: [1, 2] }[intent];
  const item = (): number => r.int(lo, hi);
  const early = item();
  return {
    early: intent === 'mainstream' ? 3 : early,
    settled: 8 - item(), // reverse-keyed
    mismatch: item(),
    benefit: item(),
    built: item(),
    advice: item(),
    moment: r.pick(['reading', 'winding_down', 'night_waking', 'rarely']),
    devices: intent === 'lead_user' ? r.int(4, 15) : intent === 'emerging' ? r.int(1, 6) : r.int(0, 2),
  };
}

/** The 60 panellists of the demo, always the same for the same seed and year. */
export function panellistSpecs(referenceYear: number, seed = DEMO_SEED): PanellistSpec[] {
  const r = rng(seed);
  const used = new Set<string>();
  const specs: PanellistSpec[] = [];
  for (let i = 0; i < PANEL_SIZE; i++) {
    const country = r.weighted<Country>([
      ['FR', 30],
      ['BE', 13],
      ['NL', 12],
      ['DE', 15],
      ['GB', 17],
      ['ES', 13],
    ]);
    const gender = r.weighted<Gender>([
      ['female', 46],
      ['male', 44],
      ['non_binary', 5],
      ['prefer_not_to_say', 5],
    ]);
    const names = NAMES[country];
    const pool = gender === 'male' ? names.male : gender === 'female' ? names.female : r.chance(0.5) ? names.female : names.male;
    let first = r.pick(pool);
    let last = r.pick(names.last);
    for (let tries = 0; used.has(`${first} ${last}`) && tries < 20; tries++) {
      first = r.pick(pool);
      last = r.pick(names.last);
    }
    let local = `${ascii(first)}.${ascii(last)}`;
    if (used.has(`${first} ${last}`)) local += `.${i}`;
    used.add(`${first} ${last}`);
    const age = r.weighted<[number, number]>([
      [[18, 24], 12],
      [[25, 34], 26],
      [[35, 44], 24],
      [[45, 54], 18],
      [[55, 64], 12],
      [[65, 75], 8],
    ]);
    const tierIntent: TierIntent = [10, 30, 48].includes(i)
      ? 'low'
      : i === REFERRAL_ROOT || CHAIN.includes(i)
        ? 'lead_user'
        : r.weighted<TierIntent>([
            ['lead_user', 30],
            ['emerging', 40],
            ['mainstream', 30],
          ]);
    const lead = tierIntent === 'lead_user';
    const answers = screenerAnswers(r, tierIntent);
    const place = r.pick(PLACES[country]);
    const phone = r.chance(0.6) ? `${PHONE_PREFIX[country]} ${String(r.int(100, 999))} ${String(r.int(100, 999))}` : undefined;
    specs.push({
      index: i,
      email: `${local}@panel.example`,
      displayName: `${first} ${last.charAt(0)}.`,
      firstName: first,
      country,
      locale: country === 'FR' || (country === 'BE' && r.chance(0.7)) ? 'fr' : 'en',
      birthYear: referenceYear - r.int(age[0], age[1]),
      gender,
      tierIntent,
      answers,
      interests: r
        .sample(INTERESTS, r.int(2, 4))
        .concat(lead ? ['lighting'] : [])
        .filter((v, k, a) => a.indexOf(v) === k),
      attributes: {
        home_type: r.weighted([
          ['apartment', 45],
          ['house', 30],
          ['shared_flat', 13],
          ['studio', 12],
        ] as const),
        smart_devices: Number(answers.devices),
        tinkerer: lead ? r.chance(0.8) : r.chance(0.2),
      },
      // two panellists never gave an address: the allocation reports them
      address: i === 5 || i === 23 ? null : { ...place, country, ...(phone ? { phone } : {}) },
      invite: i % 9 === 4 ? 'decline' : i % 11 === 7 ? 'ignore' : 'accept',
    });
  }
  return specs;
}

// ---- surveys ----------------------------------------------------------------

export const SCREENER: { title: string; questions: Question[] } = {
  title: 'Maison Lumière — light at home screener',
  questions: [
    {
      id: 'early',
      type: 'likert',
      scale: 7,
      required: true,
      dimension: 'ahead_of_trend',
      prompt: 'I usually try new lighting or smart-home products before the people around me',
    },
    {
      id: 'settled',
      type: 'likert',
      scale: 7,
      required: true,
      dimension: 'ahead_of_trend',
      reverse: true,
      prompt: 'I wait until a home product is well established before I buy it',
    },
    {
      id: 'mismatch',
      type: 'likert',
      scale: 7,
      required: true,
      dimension: 'expected_benefit',
      prompt: 'The light in my home often does not suit what I am doing',
    },
    {
      id: 'benefit',
      type: 'likert',
      scale: 7,
      required: true,
      dimension: 'expected_benefit',
      prompt: 'A better bedside light would make a real difference to my evenings',
    },
    {
      id: 'built',
      type: 'likert',
      scale: 7,
      required: true,
      dimension: 'own_solutions',
      prompt: 'I have modified or built my own lamps, fittings or lighting set-ups',
    },
    {
      id: 'advice',
      type: 'likert',
      scale: 7,
      required: true,
      dimension: 'expertise',
      prompt: 'Friends ask me for advice about lighting or smart-home devices',
    },
    {
      id: 'moment',
      type: 'single_choice',
      required: true,
      prompt: 'When do you use a bedside light most?',
      options: [
        { value: 'reading', label: 'Reading in bed' },
        { value: 'winding_down', label: 'Winding down before sleep' },
        { value: 'night_waking', label: 'Waking up at night' },
        { value: 'rarely', label: 'Rarely' },
      ],
    },
    { id: 'devices', type: 'number', min: 0, max: 100, prompt: 'How many smart-home devices do you use at home?' },
  ],
};

export const USAGE_SURVEY: { title: string; points: number; questions: Question[] } = {
  title: 'Halo at home — usage survey',
  points: 40,
  questions: [
    { id: 'recommend', type: 'nps', required: true, prompt: 'How likely are you to recommend Halo to a friend or colleague?' },
    { id: 'sus', type: 'sus', required: true, prompt: 'About using Halo (lamp and app)' },
    { id: 'wind_down', type: 'likert', scale: 5, required: true, prompt: 'The warm evening mode helps me wind down before sleep' },
    { id: 'reading', type: 'likert', scale: 5, required: true, prompt: 'Halo is bright enough for reading in bed' },
    {
      id: 'placement',
      type: 'single_choice',
      required: true,
      prompt: 'Where did you put Halo?',
      options: [
        { value: 'bedside_table', label: 'Bedside table' },
        { value: 'desk', label: 'Desk' },
        { value: 'shelf', label: 'Shelf' },
        { value: 'wall', label: 'Wall mount' },
      ],
    },
    {
      id: 'features',
      type: 'multi_choice',
      required: true,
      prompt: 'Which features did you use during the test?',
      options: [
        { value: 'sunset', label: 'Sunset fade' },
        { value: 'sunrise', label: 'Sunrise alarm' },
        { value: 'reading_mode', label: 'Reading mode' },
        { value: 'scenes', label: 'App scenes' },
        { value: 'voice', label: 'Voice assistant' },
        { value: 'touch', label: 'Touch dimmer' },
      ],
    },
    { id: 'design', type: 'rating', prompt: 'How do you rate the design of Halo, from 0 to 10?' },
    { id: 'liked', type: 'text', required: true, maxLength: 2000, prompt: 'What did you like most about Halo?' },
    { id: 'change', type: 'text', maxLength: 2000, prompt: 'If you could change one thing, what would it be?' },
  ],
};

const LIKED: Record<'en' | 'fr', string[]> = {
  en: [
    'The sunset fade is lovely: the room goes amber so slowly that I stop noticing and just get sleepy.',
    'Reading mode finally gives me enough light for a paperback without waking my partner.',
    'I like that the touch dimmer works without the app. My old smart bulb needed my phone for everything.',
    'The sunrise alarm is much gentler than my phone. I wake up before it rings most days now.',
    'It looks like a proper lamp, not a gadget. Guests asked where I bought it.',
    'Warm light that actually feels warm, not the greenish white most LED lamps give.',
    'Happy to show you my set-up on a video call, text me on +44 7700 900461 and we can arrange it.',
    'Scenes are easy to set up, and it remembered my evening scene after a power cut.',
  ],
  fr: [
    "Le coucher de soleil progressif est vraiment apaisant, je m'endors plus vite qu'avant.",
    'Le mode lecture éclaire bien le livre sans éblouir mon conjoint, enfin !',
    "J'aime pouvoir régler l'intensité au toucher sans sortir mon téléphone.",
    "Le réveil lumière est très doux, je n'utilise presque plus l'alarme du téléphone.",
    'Le design est sobre et chaleureux, on dirait un objet de créateur, pas un gadget.',
    'La lumière chaude est vraiment chaude. Si vous voulez des photos de mon installation, écrivez-moi : camille.r@exemple.fr',
    "Les scènes de l'application sont simples à créer et la lampe s'en souvient après une coupure.",
  ],
};

const CHANGE: Record<'en' | 'fr', string[]> = {
  en: [
    'The app took three tries to pair over Bluetooth. Wi-Fi setup should be the default.',
    'The status LED on the base is too bright at night. I covered it with tape.',
    'I would like the sunset fade to last longer than 30 minutes.',
    'A USB-C port on the base to charge my phone would make it perfect.',
    'The cable is too short for my bed, I had to use an extension lead.',
    'Let me schedule the warm mode by sunset time, not a fixed hour.',
  ],
  fr: [
    "L'appairage Bluetooth a échoué deux fois, c'était frustrant.",
    'Le voyant de la base est trop lumineux la nuit, il faudrait pouvoir l’éteindre.',
    'Un port USB-C pour recharger le téléphone serait idéal.',
    'Le câble est trop court. Appelez-moi au 06 12 34 56 78 si vous voulez que je vous explique mon installation.',
    'J’aimerais un mode lecture encore un peu plus lumineux.',
  ],
};

/** A usage-survey response that fits the panellist: lead users are keener but more critical of the app. */
export function usageAnswers(r: Rng, spec: PanellistSpec, k: number): Record<string, unknown> {
  const lead = spec.tierIntent === 'lead_user';
  const nps = lead ? r.pick([6, 8, 9, 9, 10, 10, 7]) : r.pick([5, 7, 8, 8, 9, 10, 6, 3]);
  const good = (): number => r.int(4, 5);
  const bad = (): number => r.int(1, 2);
  const sus = Array.from({ length: 10 }, (_, i) => (r.chance(0.15) ? 3 : i % 2 === 0 ? good() : bad()));
  const features = r.sample(['sunset', 'sunrise', 'reading_mode', 'scenes', 'voice', 'touch'], r.int(2, lead ? 5 : 3));
  const answers: Record<string, unknown> = {
    recommend: nps,
    sus,
    wind_down: r.weighted([
      [5, 40],
      [4, 35],
      [3, 15],
      [2, 10],
    ]),
    reading: r.weighted([
      [5, 25],
      [4, 35],
      [3, 25],
      [2, 15],
    ]),
    placement: r.weighted([
      ['bedside_table', 70],
      ['desk', 12],
      ['shelf', 10],
      ['wall', 8],
    ]),
    features,
    design: r.int(6, 10),
    liked: LIKED[spec.locale][k % LIKED[spec.locale].length],
  };
  if (r.chance(0.75)) answers.change = CHANGE[spec.locale][k % CHANGE[spec.locale].length];
  return answers;
}

// ---- discussions ------------------------------------------------------------

export const ROUND_ONE = {
  title: 'Round 1 — when the light works against you',
  prompt:
    'Describe a moment of your evening when the light at home works against you. What have you already tried to fix it? ' +
    'Post your own answer first; you will see the others once you have.',
};
export const ROUND_TWO = {
  title: 'Round 2 — your ideal evening light',
  prompt: 'Imagine the perfect light for the last hour of your day. What does it do, and what does it never do?',
};

export const WELCOME =
  'Welcome to the Halo study! This first round is post-first: share your own experience before reading the others. ' +
  'There are no wrong answers, and photos of hacks are very welcome.';

export interface PostText {
  kind: 'comment' | 'idea';
  text: string;
  codes: string[];
}

export const POSTS: Record<'en' | 'fr', PostText[]> = {
  en: [
    {
      kind: 'comment',
      text: 'The ceiling light in our bedroom is either on or off. At 11pm it feels like an interrogation room, so I read by my phone torch instead.',
      codes: ['glare', 'shared_bedroom'],
    },
    {
      kind: 'idea',
      text: 'Idea: a lamp that slowly drifts to amber after 9pm unless I tap it to say "still reading".',
      codes: ['wind_down', 'warm'],
    },
    {
      kind: 'comment',
      text: 'I put a strip of LED tape behind the headboard with a cheap dimmer from the hardware shop. Works, but the colour is awful.',
      codes: ['diy', 'warm'],
    },
    {
      kind: 'comment',
      text: 'My partner goes to bed two hours before me. Any light I use wakes them up. I have tried clip-on book lights but they are too cold and blue.',
      codes: ['shared_bedroom', 'glare'],
    },
    {
      kind: 'idea',
      text: 'Idea: a directional beam that lights only the page, like a reading lamp on a train.',
      codes: ['shared_bedroom'],
    },
    {
      kind: 'comment',
      text:
        'Smart bulbs are great until the app needs an update at midnight. I just want a knob. ' +
        'I wrote up my whole set-up, happy to send it: sam.okafor@example.org',
      codes: ['app_friction'],
    },
    {
      kind: 'comment',
      text: 'I wrote a little Home Assistant script that dims everything at 10pm. My kids call it the "bedtime sunset".',
      codes: ['diy', 'wind_down'],
    },
  ],
  fr: [
    {
      kind: 'comment',
      text: "Le plafonnier de la chambre est beaucoup trop fort le soir. J'ai fini par mettre un foulard sur l'abat-jour de ma lampe de chevet.",
      codes: ['glare', 'diy'],
    },
    {
      kind: 'idea',
      text: 'Idée : une lampe qui baisse toute seule quand je pose mon livre, avec un capteur de mouvement très discret.',
      codes: ['wind_down'],
    },
    {
      kind: 'comment',
      text: "Mon ampoule connectée demande l'application pour tout. Le soir je n'ai aucune envie de déverrouiller mon téléphone.",
      codes: ['app_friction'],
    },
    {
      kind: 'comment',
      text: "J'ai bricolé un variateur avec un Arduino et une bande LED ambrée. Ça marche, mais ce n'est pas beau.",
      codes: ['diy', 'warm'],
    },
    {
      kind: 'idea',
      text:
        'Idée : une lumière de nuit très faible pour se lever sans réveiller le bébé, qui s’allume quand on pose le pied par terre. ' +
        "J'ai un prototype maison, appelez-moi au 06 71 42 18 90 si ça vous intéresse.",
      codes: ['shared_bedroom'],
    },
    {
      kind: 'comment',
      text: "La lumière blanche de ma lampe actuelle m'empêche de m'endormir. J'ai besoin d'une lumière vraiment chaude.",
      codes: ['warm', 'wind_down'],
    },
  ],
};

export const REPLIES: Record<'en' | 'fr', string[]> = {
  en: [
    'Same here! The tape trick is clever, which dimmer did you use?',
    'Yes to the amber drift. I would pay for that alone.',
    'We have the same problem with different bedtimes. A narrow beam would solve it.',
    'Home Assistant user too. The hard part is getting the whole family to accept it.',
  ],
  fr: [
    'Pareil chez moi, je croyais être la seule à mettre un foulard sur ma lampe !',
    "Très bonne idée, le capteur éviterait de chercher l'interrupteur dans le noir.",
    "L'application le soir, c'est non pour moi aussi.",
  ],
};

/** Posted last, by a participant, and hidden by the researcher: advertising, with a phone number. */
export const OFF_TOPIC = 'Selling my old lighting kit, barely used, call 07700 900 812 or see www.lamp-bargains.example/kit for photos.';

export const CODES: Array<{ key: string; name: string; description: string }> = [
  { key: 'glare', name: 'Glare at night', description: 'Light that is too strong or badly directed late in the evening' },
  { key: 'wind_down', name: 'Wind-down routine', description: 'Light as part of getting ready for sleep' },
  { key: 'shared_bedroom', name: 'Shared bedroom', description: 'A partner, a baby or a flatmate sleeps nearby' },
  { key: 'app_friction', name: 'App friction', description: 'Having to use a phone app for everyday control' },
  { key: 'warm', name: 'Warm colour temperature', description: 'Wanting amber, warm light rather than cold white' },
  { key: 'diy', name: 'DIY workaround', description: 'Something the participant built or hacked themselves' },
];

// ---- home testing -------------------------------------------------------------

export const PRODUCT = {
  sku: 'ML-HALO-P2',
  name: 'Halo bedside lamp (prototype P2)',
  description: 'A dimmable bedside lamp with a warm sunset fade, a sunrise alarm, a reading mode and a touch dimmer; app optional.',
  unitsInStock: 40,
  requiresReturn: true,
  ndaRequired: true,
  ndaVersion: '2026-03',
  ndaTerms:
    'Halo is an unreleased prototype of Maison Lumière. Do not show it publicly, photograph it for social media or describe it ' +
    'outside this study until Maison Lumière announces it. Return it at the end of the test in the box it came in.',
  usageDays: 7,
};

/**
 * The status each shipment ends in, by position in the allocation (order of enrolment):
 * every status of the lifecycle appears among the first eight; the rest are delivered.
 */
export const SHIPMENT_PLAN = [
  'delivered',
  'shipped',
  'returned',
  'allocated',
  'return_requested',
  'lost',
  'packed',
  'cancelled',
  'delivered',
  'returned',
  'delivered',
  'shipped',
  'delivered',
  'return_requested',
  'delivered',
  'allocated',
  'delivered',
  'returned',
  'packed',
] as const;
export type PlannedStatus = (typeof SHIPMENT_PLAN)[number];

export const CARRIERS: Record<string, string> = { FR: 'Colissimo', BE: 'bpost', NL: 'PostNL', DE: 'DHL', GB: 'Royal Mail', ES: 'Correos' };

// ---- feedback -----------------------------------------------------------------

export interface FeedbackText {
  kind: 'bug' | 'idea' | 'praise' | 'question';
  severity?: 'blocker' | 'critical' | 'major' | 'minor';
  area: string;
  title: string;
  body: string;
  /** triage: the final status, and a note */
  triage?: { status: 'triaged' | 'in_progress' | 'resolved' | 'wont_fix' | 'duplicate'; note?: string };
}

export const FEEDBACK: FeedbackText[] = [
  {
    kind: 'bug',
    severity: 'major',
    area: 'app pairing',
    title: 'Bluetooth pairing fails on the first try',
    body: 'On Android 14 the app finds the lamp but pairing times out twice before it works. Restarting Bluetooth helps.',
    triage: { status: 'in_progress', note: 'Reproduced on Pixel 7; firmware team has a fix in 0.9.4.' },
  },
  {
    kind: 'bug',
    severity: 'minor',
    area: 'base',
    title: 'Status LED too bright at night',
    body: 'The little white LED on the base lights up the ceiling when the room is dark. I covered it with tape.',
    triage: { status: 'triaged', note: 'Design to review LED brightness for P3.' },
  },
  {
    kind: 'bug',
    severity: 'critical',
    area: 'sunrise alarm',
    title: 'Sunrise alarm did not go off after a power cut',
    body: 'After a short power cut during the night the alarm was gone and I was late for work. Mon voisin a eu le même problème.',
    triage: { status: 'resolved', note: 'Alarms are now stored on the lamp, not only in the app (firmware 0.9.3).' },
  },
  {
    kind: 'bug',
    severity: 'minor',
    area: 'base',
    title: 'LED on the base keeps me awake',
    body: 'La LED blanche du socle est trop forte dans le noir, on la voit même les yeux fermés.',
    triage: { status: 'duplicate' },
  },
  {
    kind: 'idea',
    area: 'sunset fade',
    title: 'Let the sunset fade follow the real sunset',
    body: 'Instead of a fixed time, start the warm fade at local sunset, like some phone night modes do.',
    triage: { status: 'triaged', note: 'Good one for the app roadmap.' },
  },
  {
    kind: 'idea',
    area: 'power',
    title: 'USB-C port on the base',
    body: 'A USB-C port to charge my phone at night would save a plug next to the bed.',
    triage: { status: 'wont_fix', note: 'Not possible within the P2 power budget; noted for a later model.' },
  },
  {
    kind: 'idea',
    area: 'reading mode',
    title: 'Narrow beam for reading next to a sleeping partner',
    body: "Un faisceau plus étroit en mode lecture permettrait de lire sans réveiller l'autre.",
  },
  {
    kind: 'praise',
    area: 'design',
    title: 'Beautiful, calm design',
    body: 'It looks like furniture, not electronics. Several friends asked where to buy it.',
  },
  {
    kind: 'praise',
    area: 'sunset fade',
    title: 'Le coucher de soleil est génial',
    body: "Je m'endors plus vite depuis que j'utilise le mode coucher de soleil. Bravo à l'équipe !",
  },
  {
    kind: 'question',
    area: 'return',
    title: 'How do I send the lamp back?',
    body: 'The study ends next week. Is there a prepaid label, or should I call someone? You can reach me at +32 470 12 34 56.',
    triage: { status: 'resolved', note: 'Return labels are e-mailed with the return request.' },
  },
];
