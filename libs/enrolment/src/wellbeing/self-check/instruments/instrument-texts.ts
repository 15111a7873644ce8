import type { SelfCheckBand } from './instrument';
import en from './instruments.en.json';
import fy from './instruments.fy.json';
import nl from './instruments.nl.json';

export type InstrumentLocale = 'nl' | 'fy' | 'en';
export const INSTRUMENT_LOCALES: readonly InstrumentLocale[] = ['nl', 'fy', 'en'];

/** An instrument's texts in one language: its name, a line on what it is, and every item with its options. */
export interface InstrumentTexts {
  label: string;
  /** "Adapted, not validated" for the shipped one; a licensed instrument names its licence. */
  status?: string;
  about?: string;
  items: { text: string; options?: string[] }[];
}

export interface SelfCheckHelp {
  title: string;
  text: string;
  /** Where to find help: municipal carer support, GP, the coordinator. */
  where: string[];
}

/** The shape of `instruments.<locale>.json`; the compiler checks each file against it. */
export interface InstrumentResource {
  instruments: Record<string, InstrumentTexts>;
  validated: string;
  help: Record<SelfCheckBand, SelfCheckHelp>;
  share: { label: string; note: string };
}

export const INSTRUMENT_RESOURCES: Readonly<Record<InstrumentLocale, InstrumentResource>> = { nl, fy, en };

export const instrumentLocale = (locale: string): InstrumentLocale =>
  (INSTRUMENT_LOCALES as readonly string[]).includes(locale) ? (locale as InstrumentLocale) : 'nl';

/** What the volunteer sees with their band: a plain explanation and where to find help. */
export function selfCheckHelp(band: SelfCheckBand, locale: string): SelfCheckHelp {
  return INSTRUMENT_RESOURCES[instrumentLocale(locale)].help[band];
}

/** The "share my band with my coordinator" wording: what sharing shows and that it can be stopped. */
export function shareTexts(locale: string): { label: string; note: string } {
  return INSTRUMENT_RESOURCES[instrumentLocale(locale)].share;
}
