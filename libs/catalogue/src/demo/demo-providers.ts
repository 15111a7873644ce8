/**
 * The partner organisations whose offer the demo academy bundles. Names and places are believable for
 * Friesland; websites use the reserved `.example` domain so a demo never links to a real organisation.
 */
export interface DemoProvider {
  /** Stable key the demo courses refer to; never shown. */
  key: DemoProviderKey;
  name: string;
  description: string;
  website: string;
}

export type DemoProviderKey =
  | 'academie'
  | 'vc-ljouwert'
  | 'mantelzorg'
  | 'alzheimer'
  | 'rode-kruis'
  | 'doarpswurk'
  | 'bibliotheek'
  | 'ggd';

export const DEMO_PROVIDERS: readonly DemoProvider[] = [
  {
    key: 'academie',
    name: 'Vrijwilligersacademie Fryslân',
    description:
      'De academie zelf: trainingen over grenzen, draagkracht en samenwerken, voor vrijwilligers in heel Fryslân.',
    website: 'https://academie.example',
  },
  {
    key: 'vc-ljouwert',
    name: 'Vrijwilligerscentrale Ljouwert',
    description:
      'Het steunpunt voor vrijwilligerswerk in Leeuwarden: vacaturebank, advies voor organisaties en scholing.',
    website: 'https://vrijwilligerscentrale-ljouwert.example',
  },
  {
    key: 'mantelzorg',
    name: 'Mantelzorg Súdwest-Fryslân',
    description:
      'Steunpunt voor mantelzorgers in Súdwest-Fryslân: een luisterend oor, respijtzorg en lotgenotencontact.',
    website: 'https://mantelzorg-swf.example',
  },
  {
    key: 'alzheimer',
    name: 'Alzheimer Nederland, afdeling Friesland',
    description:
      'Voorlichting en ondersteuning voor mensen met dementie, hun naasten en de vrijwilligers om hen heen.',
    website: 'https://alzheimer-friesland.example',
  },
  {
    key: 'rode-kruis',
    name: 'Rode Kruis en EHBO Fryslân',
    description:
      'Cursussen eerste hulp, reanimatie en AED, gegeven door ervaren EHBO-instructeurs uit de regio.',
    website: 'https://ehbo-fryslan.example',
  },
  {
    key: 'doarpswurk',
    name: 'Doarpswurk',
    description:
      'Steunt dorpsbelangen, dorpshuizen en bewonersinitiatieven op het Friese platteland, van idee tot uitvoering.',
    website: 'https://doarpswurk.example',
  },
  {
    key: 'bibliotheek',
    name: 'Bibliotheken Fryslân — Digitaal Hulpplein',
    description:
      'Digitale vaardigheden voor iedereen: van veilig internetten tot de website van je vereniging.',
    website: 'https://bibliotheken-fryslan.example',
  },
  {
    key: 'ggd',
    name: 'GGD Fryslân',
    description:
      'Gezondheid en welzijn in de regio: psychische gezondheid, eenzaamheid en gezond blijven als vrijwilliger.',
    website: 'https://ggd-fryslan.example',
  },
];
