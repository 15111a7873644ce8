/**
 * Where the demo academy meets: village halls (dorpshuis, doarpshûs), libraries, community centres (buurthuis)
 * and multifunctional centres (MFC) across Friesland. `place` is the Dutch name, the one people filter on;
 * venues carry their Frisian names where that is what the village calls them.
 */
export interface DemoVenue {
  name: string;
  place: string;
  address: string;
}

export type DemoPlaceKey =
  | 'leeuwarden'
  | 'drachten'
  | 'sneek'
  | 'heerenveen'
  | 'buitenpost'
  | 'oosterwolde'
  | 'dokkum'
  | 'harlingen'
  | 'franeker'
  | 'grou';

export const DEMO_VENUES: Record<DemoPlaceKey, readonly DemoVenue[]> = {
  leeuwarden: [
    { name: 'Bibliotheek Ljouwert, Blokhuispoort', place: 'Leeuwarden', address: 'Blokhuisplein 40' },
    { name: 'Buurthuis De Schakel', place: 'Leeuwarden', address: 'Vlietsingel 12' },
    { name: 'Vrijwilligerscentrale Ljouwert', place: 'Leeuwarden', address: 'Tweebaksmarkt 52' },
  ],
  drachten: [
    { name: 'MFC De Lantearne', place: 'Drachten', address: 'Noordkade 21' },
    { name: 'Bibliotheek Drachten', place: 'Drachten', address: 'Museumplein 3' },
  ],
  sneek: [
    { name: 'Buurthuis De Pitte', place: 'Sneek', address: 'Leeuwenburg 7' },
    { name: 'Bibliotheek Sneek', place: 'Sneek', address: 'Wijde Noorderhorne 1' },
  ],
  heerenveen: [
    { name: 'Buurthuis De Skoft', place: 'Heerenveen', address: 'Crackstraat 5' },
    { name: 'Bibliotheek Heerenveen', place: 'Heerenveen', address: 'Burgemeester Kuperusplein 38' },
  ],
  buitenpost: [{ name: 'MFC De Kûpe', place: 'Buitenpost', address: 'Voorstraat 41' }],
  oosterwolde: [{ name: 'Dorpshuis De Miente', place: 'Oosterwolde', address: 'Brink 3' }],
  dokkum: [
    { name: 'Bibliotheek Dokkum', place: 'Dokkum', address: 'Grote Breedstraat 2' },
    { name: 'Buurthuis De Opslach', place: 'Dokkum', address: 'Hoogstraat 18' },
  ],
  harlingen: [{ name: 'Buurthuis De Lelie', place: 'Harlingen', address: 'Kerkpad 2' }],
  franeker: [{ name: 'Doarpshûs De Pleats', place: 'Franeker', address: 'Godsacker 4' }],
  grou: [{ name: 'Doarpshûs De Tuorrestrjitte', place: 'Grou', address: 'Tsjerkestrjitte 9' }],
};

/** Places where Frisian-language courses are given (the Frisian-speaking countryside and towns). */
export const FRISIAN_PLACES: readonly DemoPlaceKey[] = [
  'grou',
  'buitenpost',
  'dokkum',
  'franeker',
  'sneek',
  'heerenveen',
  'drachten',
];

/** Towns with enough English-speaking residents for an English course in a room. */
export const CITY_PLACES: readonly DemoPlaceKey[] = ['leeuwarden', 'drachten', 'heerenveen', 'sneek'];

export const ALL_PLACES = Object.keys(DEMO_VENUES) as DemoPlaceKey[];

/** Online meetings use the reserved `.example` domain: a demo never sends anyone to a real meeting room. */
export const ONLINE_VENUE = { name: 'Online' } as const;
export const onlineMeetingUrl = (courseKey: string, session: number): string =>
  `https://meet.academie.example/${courseKey}-${session}`;
