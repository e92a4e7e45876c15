/** What the builders get back from the API (the fields the journeys read). */

export interface Campaign {
  id: string;
  slug: string;
  title: string;
  screenerSurveyId: string;
  acceptScore: number;
}

export interface Study {
  id: string;
  title: string;
  status: string;
  criteria: { countries?: string[] };
}

export interface Panellist {
  id: string;
  email: string;
  password: string;
  displayName: string;
  country: string;
  token: string;
}

export interface Round {
  id: string;
  studyId: string;
  title: string;
  mode: string;
  state: string;
}

export interface Post {
  id: string;
  body: string;
}

export interface Survey {
  id: string;
  studyId: string | null;
  status: string;
  questions: Array<{ id: string; showIf?: { questionId: string; equals: unknown } }>;
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  ndaRequired: boolean;
  ndaVersion: string | null;
  ndaTerms: string | null;
}

export interface Shipment {
  id: string;
  panellistId: string;
  status: string;
  readyToShip: boolean;
  trackingNumber: string | null;
  carrier: string | null;
}
