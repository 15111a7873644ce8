import type { DemoProviderKey } from './demo-providers';

export type DemoLanguage = 'nl' | 'fy' | 'en';
export type DemoAudience = 'volunteers' | 'carers' | 'board-members' | 'coordinators';
/** When a course is usually given; the schedule picks one of these per session. */
export type DemoSlot = 'morning' | 'afternoon' | 'evening' | 'saturday';
/** Where a course is usually given: anywhere, mostly online, or close to its language's heartland. */
export type DemoReach = 'everywhere' | 'online' | 'frisian' | 'city';

export interface DemoCourse {
  /** Stable key (tests and the schedule refer to it); never shown. */
  key: string;
  provider: DemoProviderKey;
  kind: 'training' | 'workshop';
  title: string;
  summary: string;
  /** Markdown. */
  description: string;
  /** Slug of one of the starter categories of the catalogue's first migration. */
  category: string;
  language: DemoLanguage;
  audiences: DemoAudience[];
  themes: string[];
  /** Meetings per session: 1 for a workshop, 3 to 6 weekly meetings for a training. */
  meetings: number;
  slots: DemoSlot[];
  reach: DemoReach;
  /** Practised hands-on (first aid, role play with an actor): never online. */
  inPerson?: boolean;
  attendanceThreshold?: number;
}

interface Text {
  intro: string;
  learn: string[];
  forWhom: string;
  practical?: string;
}

const HEADINGS: Record<DemoLanguage, { learn: string; forWhom: string; practical: string }> = {
  nl: { learn: 'Wat leer je?', forWhom: 'Voor wie?', practical: 'Praktisch' },
  fy: { learn: 'Wat leare jo?', forWhom: 'Foar wa?', practical: 'Praktysk' },
  en: { learn: 'What you will learn', forWhom: 'Who it is for', practical: 'Good to know' },
};

/** The description every course page shows: an introduction, what you learn, for whom, and practicalities. */
function describe(language: DemoLanguage, text: Text): string {
  const h = HEADINGS[language];
  const parts = [
    text.intro,
    `## ${h.learn}\n\n${text.learn.map((item) => `- ${item}`).join('\n')}`,
    `## ${h.forWhom}\n\n${text.forWhom}`,
  ];
  if (text.practical) parts.push(`## ${h.practical}\n\n${text.practical}`);
  return parts.join('\n\n');
}

type CourseInput = Omit<DemoCourse, 'description'> & { text: Text };

function course({ text, ...rest }: CourseInput): DemoCourse {
  return { ...rest, description: describe(rest.language, text) };
}

/**
 * Forty courses from eight providers: mostly Dutch, six in Frisian and five in English (for international
 * volunteers). Category slugs are the starter categories of the catalogue's first migration.
 */
export const DEMO_COURSES: readonly DemoCourse[] = [
  // ---- Vrijwilligersacademie Fryslân ------------------------------------------------------------------
  course({
    key: 'grenzen-vrijwilliger',
    provider: 'academie',
    kind: 'training',
    title: 'Grenzen stellen als vrijwilliger',
    summary:
      'Je zet je graag in, maar soms wordt het te veel. Je oefent met nee zeggen zonder dat het voelt als in de steek laten.',
    category: 'persoonlijke-ontwikkeling',
    language: 'nl',
    audiences: ['volunteers'],
    themes: ['boundaries', 'self-care', 'stress'],
    meetings: 4,
    slots: ['evening', 'morning'],
    reach: 'everywhere',
    text: {
      intro:
        'Vrijwilligerswerk geeft energie, maar het kan ook gaan knellen: nog een dienst erbij, nog een klus die niemand anders doet. In vier bijeenkomsten onderzoek je waar jouw grens ligt en hoe je die aangeeft.',
      learn: [
        'herkennen wanneer je over je eigen grens gaat',
        'nee zeggen op een vriendelijke en duidelijke manier',
        'afspraken maken met je coördinator over wat je wel en niet doet',
      ],
      forWhom: 'Vrijwilligers in elk soort organisatie, van sportclub tot zorginstelling.',
      practical: 'Tussen de bijeenkomsten probeer je kleine opdrachten uit in je eigen vrijwilligerswerk.',
    },
  }),
  course({
    key: 'timemanagement',
    provider: 'academie',
    kind: 'workshop',
    title: 'Timemanagement voor vrijwilligers',
    summary:
      'Werk, gezin, vrijwilligerswerk en misschien ook mantelzorg: hoe houd je overzicht en tijd voor jezelf?',
    category: 'persoonlijke-ontwikkeling',
    language: 'nl',
    audiences: ['volunteers', 'carers'],
    themes: ['time-management', 'stress'],
    meetings: 1,
    slots: ['evening', 'morning'],
    reach: 'everywhere',
    text: {
      intro:
        'Wie veel ballen in de lucht houdt, laat er vroeg of laat een vallen. In deze workshop maak je je eigen weekoverzicht en ontdek je waar je tijd eigenlijk blijft.',
      learn: [
        'een eerlijk beeld van je week maken',
        'kiezen wat echt belangrijk is (en wat kan blijven liggen)',
        'rustmomenten inplannen zoals je een afspraak inplant',
      ],
      forWhom: 'Iedereen die naast werk en gezin vrijwilligerswerk doet of voor een naaste zorgt.',
    },
  }),
  course({
    key: 'agressie',
    provider: 'academie',
    kind: 'training',
    title: 'Omgaan met agressie',
    summary:
      'Een boze bezoeker, een ontredderde cliënt: je leert de-escaleren, je eigen veiligheid bewaken en het na afloop goed afsluiten.',
    category: 'veiligheid-en-ehbo',
    language: 'nl',
    audiences: ['volunteers', 'coordinators'],
    themes: ['safety', 'communication', 'stress'],
    meetings: 3,
    slots: ['evening', 'afternoon'],
    reach: 'city',
    inPerson: true,
    text: {
      intro:
        'Vrijwilligers bij de voedselbank, in de buurtkamer of aan de balie van het dorpshuis krijgen soms te maken met boosheid. Met een trainingsacteur oefen je situaties uit je eigen praktijk.',
      learn: [
        'signalen van oplopende spanning vroeg zien',
        'kalmerend reageren met je stem, houding en woorden',
        'weten wanneer je weggaat en hulp haalt',
        'een incident nabespreken, zodat het je niet blijft achtervolgen',
      ],
      forWhom: 'Vrijwilligers met publiekscontact en hun coördinatoren.',
      practical: 'Met een trainingsacteur; je hoeft niets voor te bereiden.',
    },
  }),
  course({
    key: 'overbelasting',
    provider: 'academie',
    kind: 'workshop',
    title: 'Signalen van overbelasting herkennen',
    summary:
      'Hoe zie je dat een vrijwilliger te veel op zijn bord heeft, en hoe begin je daar een gesprek over?',
    category: 'organisatie-en-bestuur',
    language: 'nl',
    audiences: ['coordinators', 'board-members'],
    themes: ['stress', 'communication', 'self-care'],
    meetings: 1,
    slots: ['afternoon', 'evening'],
    reach: 'everywhere',
    text: {
      intro:
        'Overbelasting sluipt erin: eerst een afzegging, dan vermoeidheid, dan stopt iemand ineens. Als coördinator kun je het vaak eerder zien dan de vrijwilliger zelf.',
      learn: [
        'de vroege signalen van overbelasting bij vrijwilligers en mantelzorgers',
        'een open gesprek beginnen zonder te oordelen',
        'samen zoeken naar ontlasting: minder taken, een maatje, een pauze',
      ],
      forWhom: 'Coördinatoren en bestuursleden van vrijwilligersorganisaties.',
    },
  }),
  course({
    key: 'feedback',
    provider: 'academie',
    kind: 'workshop',
    title: 'Feedback geven en ontvangen',
    summary: 'Zeggen wat je dwarszit zonder dat de sfeer bederft, en horen wat een ander je vertelt.',
    category: 'communicatie-en-media',
    language: 'nl',
    audiences: ['volunteers', 'coordinators'],
    themes: ['communication'],
    meetings: 1,
    slots: ['evening'],
    reach: 'everywhere',
    text: {
      intro:
        'In een vrijwilligersgroep wil niemand de ander voor het hoofd stoten. Daardoor blijft veel ongezegd. In deze workshop oefen je met een eenvoudig model voor feedback.',
      learn: [
        'feedback geven over gedrag, niet over de persoon',
        'luisteren naar kritiek zonder meteen in de verdediging te gaan',
        'complimenten geven die echt aankomen',
      ],
      forWhom: 'Vrijwilligers en coördinatoren die beter willen samenwerken.',
    },
  }),
  course({
    key: 'welcome-friesland',
    provider: 'academie',
    kind: 'workshop',
    title: 'Volunteering in Friesland: a welcome workshop',
    summary:
      'New to Friesland and keen to volunteer? Learn how volunteering works here, where to start and what to expect.',
    category: 'organisatie-en-bestuur',
    language: 'en',
    audiences: ['volunteers'],
    themes: ['communication', 'inclusion'],
    meetings: 1,
    slots: ['evening', 'saturday'],
    reach: 'city',
    text: {
      intro:
        'Volunteering is woven into Frisian village life: the village hall, the football club, the food bank. This workshop helps international residents find their place in it.',
      learn: [
        'how Dutch and Frisian volunteer organisations are run',
        'where to find volunteer work that suits you',
        'a few words of Dutch and Frisian that help on your first day',
      ],
      forWhom: 'International residents, students and newcomers who want to volunteer.',
      practical: 'Given in English; no Dutch needed.',
    },
  }),
  course({
    key: 'resilience',
    provider: 'academie',
    kind: 'training',
    title: 'Stress and resilience for volunteers',
    summary:
      'Volunteering should give energy, not drain it. Three sessions on spotting stress early and building in recovery.',
    category: 'persoonlijke-ontwikkeling',
    language: 'en',
    audiences: ['volunteers', 'carers'],
    themes: ['stress', 'self-care', 'boundaries'],
    meetings: 3,
    slots: ['evening'],
    reach: 'online',
    text: {
      intro:
        'Many volunteers give a lot and notice too late that it has become too much. In three online evenings you learn to read your own signals and make a plan that keeps you going.',
      learn: [
        'the early signs of stress in body and mood',
        'small habits that help you recover',
        'how to talk to your coordinator when it gets too much',
      ],
      forWhom: 'English-speaking volunteers and carers anywhere in Friesland.',
      practical: 'Online; you receive the meeting link after enrolling.',
    },
  }),
  // ---- Vrijwilligerscentrale Ljouwert -----------------------------------------------------------------
  course({
    key: 'werven-behouden',
    provider: 'vc-ljouwert',
    kind: 'training',
    title: 'Vrijwilligers werven en behouden',
    summary:
      'Steeds moeilijker om mensen te vinden? Je maakt een wervingsplan dat past bij je organisatie en leert hoe je mensen vasthoudt.',
    category: 'organisatie-en-bestuur',
    language: 'nl',
    audiences: ['coordinators', 'board-members'],
    themes: ['inclusion', 'youth', 'communication'],
    meetings: 4,
    slots: ['evening', 'afternoon'],
    reach: 'everywhere',
    text: {
      intro:
        'Vrijwilligers melden zich niet meer vanzelf voor jaren aan. Ze willen iets doen dat bij hun leven past, soms voor korte tijd. Hoe speel je daarop in?',
      learn: [
        'een aantrekkelijke vacature schrijven',
        'nieuwe groepen bereiken: jongeren, nieuwkomers, net-gepensioneerden',
        'een goed welkom en een goed afscheid',
        'waarderen zonder dat het geld kost',
      ],
      forWhom: 'Coördinatoren en bestuursleden die vrijwilligers zoeken.',
      practical: 'Je werkt aan je eigen wervingsplan en neemt het mee naar huis.',
    },
  }),
  course({
    key: 'goede-gesprek',
    provider: 'vc-ljouwert',
    kind: 'workshop',
    title: 'Het goede gesprek met je vrijwilliger',
    summary:
      'Een intake, een jaargesprek of een lastig gesprek: je oefent met gesprekken die vrijwilligers het gevoel geven dat ze ertoe doen.',
    category: 'communicatie-en-media',
    language: 'nl',
    audiences: ['coordinators'],
    themes: ['communication', 'boundaries'],
    meetings: 1,
    slots: ['afternoon', 'morning'],
    reach: 'city',
    text: {
      intro:
        'Vrijwilligers blijven waar ze gezien worden. Een goed gesprek op tijd voorkomt veel: onvrede, overbelasting en stille uitval.',
      learn: [
        'een gesprek voorbereiden en openen',
        'doorvragen naar wat iemand drijft en wat iemand zwaar valt',
        'afspraken vastleggen zonder dat het formeel wordt',
      ],
      forWhom: 'Coördinatoren en teamleiders van vrijwilligers.',
    },
  }),
  course({
    key: 'avg',
    provider: 'vc-ljouwert',
    kind: 'workshop',
    title: 'Privacy (AVG) voor vrijwilligersorganisaties',
    summary:
      'Ledenlijsten, foto’s op de website, gegevens van cliënten: wat mag wel en wat niet? Praktisch en zonder juridisch jargon.',
    category: 'organisatie-en-bestuur',
    language: 'nl',
    audiences: ['board-members', 'coordinators'],
    themes: ['digital', 'safety'],
    meetings: 1,
    slots: ['evening'],
    reach: 'everywhere',
    text: {
      intro:
        'De AVG geldt ook voor de toneelvereniging en de ouderensoos. Dat klinkt ingewikkeld, maar met een paar goede afspraken ben je een heel eind.',
      learn: [
        'welke gegevens je mag bewaren en hoe lang',
        'toestemming voor foto’s en nieuwsbrieven regelen',
        'wat te doen als er een ledenlijst kwijtraakt',
      ],
      forWhom: 'Bestuursleden, secretarissen en coördinatoren.',
      practical: 'Je krijgt een eenvoudig privacyreglement mee dat je kunt aanpassen.',
    },
  }),
  course({
    key: 'working-dutch-organisations',
    provider: 'vc-ljouwert',
    kind: 'workshop',
    title: 'Working together in a Dutch volunteer team',
    summary:
      'Meetings, directness, coffee at ten: a friendly introduction to how Dutch volunteer teams work, for international volunteers.',
    category: 'communicatie-en-media',
    language: 'en',
    audiences: ['volunteers'],
    themes: ['communication', 'inclusion'],
    meetings: 1,
    slots: ['evening'],
    reach: 'city',
    text: {
      intro:
        'Dutch directness can surprise newcomers, and so can the way decisions are made in a volunteer team. This workshop explains the unwritten rules.',
      learn: [
        'how decisions are made in Dutch associations',
        'giving and receiving direct feedback',
        'asking for help when you do not understand something',
      ],
      forWhom: 'International volunteers who have recently joined a team.',
    },
  }),
  course({
    key: 'frijwilligers-fine',
    provider: 'vc-ljouwert',
    kind: 'workshop',
    title: 'Frijwilligers fine en hâlde',
    summary:
      'Hoe fine jo nije frijwilligers foar jo feriening of doarpshûs, en hoe soargje jo derfoar dat se bliuwe?',
    category: 'organisatie-en-bestuur',
    language: 'fy',
    audiences: ['coordinators', 'board-members'],
    themes: ['inclusion', 'communication'],
    meetings: 1,
    slots: ['evening'],
    reach: 'frisian',
    text: {
      intro:
        'Yn in soad doarpen dogge altyd deselde minsken it wurk. Yn dizze workshop sykje wy tegearre nei nije wegen om minsken te belûken.',
      learn: [
        'in útnoegjende oprop skriuwe',
        'minsken persoanlik freegje, ek foar in koarte klus',
        'frijwilligers wurdearje en goed ôfskie nimme',
      ],
      forWhom: 'Bestjoerders en koördinatoaren fan ferienings en doarpshuzen.',
      practical: 'De workshop is yn it Frysk; Nederlânsk prate mei ek.',
    },
  }),
  // ---- Mantelzorg Súdwest-Fryslân ---------------------------------------------------------------------
  course({
    key: 'grenzen-mantelzorger',
    provider: 'mantelzorg',
    kind: 'training',
    title: 'Grenzen stellen als mantelzorger',
    summary:
      'Zorgen voor een ander zonder jezelf te vergeten. Je leert aangeven wat wel en niet kan, zonder schuldgevoel.',
    category: 'mantelzorg',
    language: 'nl',
    audiences: ['carers'],
    themes: ['boundaries', 'self-care', 'stress'],
    meetings: 4,
    slots: ['morning', 'afternoon'],
    reach: 'everywhere',
    text: {
      intro:
        'Mantelzorg doe je uit liefde, maar het kan je opslokken. In deze training sta jij centraal: wat heb jij nodig om het vol te houden?',
      learn: [
        'je eigen grenzen herkennen en serieus nemen',
        'hulp vragen aan familie, buren en professionals',
        'omgaan met schuldgevoel en met verwachtingen van anderen',
      ],
      forWhom: 'Mantelzorgers die merken dat de zorg zwaar begint te wegen.',
      practical: 'Overdag, zodat u vervanging kunt regelen; vraag ons gerust naar respijtzorg.',
    },
  }),
  course({
    key: 'grinzen-mantelsoarger',
    provider: 'mantelzorg',
    kind: 'training',
    title: 'Grinzen stelle as mantelsoarger',
    summary:
      'Soargje foar in oar en dysels net ferjitte. Jo leare oan te jaan wat wol en wat net kin, sûnder skuldgefoel.',
    category: 'mantelzorg',
    language: 'fy',
    audiences: ['carers'],
    themes: ['boundaries', 'self-care', 'stress'],
    meetings: 4,
    slots: ['morning', 'afternoon'],
    reach: 'frisian',
    text: {
      intro:
        'Mantelsoarch dogge jo út leafde, mar it kin jo hielendal opslokke. Yn dizze training steane jo sels sintraal: wat hawwe jo nedich om it fol te hâlden?',
      learn: [
        'jo eigen grinzen werkenne en serieus nimme',
        'help freegje oan famylje, buorlju en professionals',
        'omgean mei skuldgefoel en mei de ferwachtings fan oaren',
      ],
      forWhom: 'Mantelsoargers dy’t merke dat de soarch swier wurdt.',
      practical: 'Oerdeis, sadat jo ferfanging regelje kinne.',
    },
  }),
  course({
    key: 'mindfulness-mantelzorgers',
    provider: 'mantelzorg',
    kind: 'training',
    title: 'Mindfulness voor mantelzorgers',
    summary: 'Even stilstaan in een vol leven. Eenvoudige oefeningen om rust te vinden, ook op drukke dagen.',
    category: 'mantelzorg',
    language: 'nl',
    audiences: ['carers'],
    themes: ['self-care', 'stress'],
    meetings: 6,
    slots: ['morning', 'evening'],
    reach: 'everywhere',
    text: {
      intro:
        'Mindfulness is geen zweverige toestand maar aandacht voor wat er nu is. In zes bijeenkomsten leert u korte oefeningen die passen in een dag vol zorg.',
      learn: [
        'ademhalings- en aandachtsoefeningen van drie minuten',
        'piekeren herkennen en loslaten',
        'milder zijn voor uzelf',
      ],
      forWhom: 'Mantelzorgers die rust zoeken; ervaring met meditatie is niet nodig.',
      practical: 'Neem makkelijke kleding en een dekentje mee.',
    },
  }),
  course({
    key: 'zorg-en-werk',
    provider: 'mantelzorg',
    kind: 'workshop',
    title: 'Mantelzorg en werk combineren',
    summary:
      'Over verlofregelingen, het gesprek met je leidinggevende en wat je kunt doen voordat het misgaat.',
    category: 'mantelzorg',
    language: 'nl',
    audiences: ['carers'],
    themes: ['time-management', 'boundaries', 'stress'],
    meetings: 1,
    slots: ['evening'],
    reach: 'everywhere',
    text: {
      intro:
        'Een op de vier werkenden zorgt ook voor een naaste. Dat gaat vaak lang goed, tot het niet meer gaat. Zo ver hoeft het niet te komen.',
      learn: [
        'welke verlofregelingen er zijn (kortdurend en langdurend zorgverlof)',
        'hoe je het gesprek met je werkgever voorbereidt',
        'je week zo inrichten dat er ruimte overblijft voor jezelf',
      ],
      forWhom: 'Werkende mantelzorgers.',
    },
  }),
  course({
    key: 'hulp-vragen',
    provider: 'mantelzorg',
    kind: 'workshop',
    title: 'Hulp vragen en aannemen',
    summary:
      'Waarom is hulp vragen zo moeilijk, en hoe doe je het toch? Een workshop met herkenning en tips.',
    category: 'mantelzorg',
    language: 'nl',
    audiences: ['carers', 'volunteers'],
    themes: ['boundaries', 'self-care', 'communication'],
    meetings: 1,
    slots: ['morning', 'afternoon'],
    reach: 'everywhere',
    text: {
      intro:
        '“Ik wil niemand tot last zijn.” Veel mantelzorgers doen alles zelf, tot ze niet meer kunnen. Terwijl buren en familie vaak best willen helpen, als ze maar weten wat.',
      learn: [
        'in kaart brengen wie er om je heen staat',
        'een concrete hulpvraag stellen',
        'hulp aannemen, ook als het anders gaat dan jij het zou doen',
      ],
      forWhom: 'Mantelzorgers en vrijwilligers die veel alleen dragen.',
    },
  }),
  course({
    key: 'caring-from-afar',
    provider: 'mantelzorg',
    kind: 'workshop',
    title: 'Caring for a loved one while building a life here',
    summary:
      'For international residents who care for someone — here or abroad. Share experiences and find support that fits.',
    category: 'mantelzorg',
    language: 'en',
    audiences: ['carers'],
    themes: ['self-care', 'stress'],
    meetings: 1,
    slots: ['evening'],
    reach: 'online',
    text: {
      intro:
        'Caring for a parent in another country, or for a partner here without family nearby, can be lonely. You are not alone in this.',
      learn: [
        'what support Dutch municipalities offer to carers',
        'how to keep caring from a distance without burning out',
        'meeting others in the same situation',
      ],
      forWhom: 'English-speaking carers living in Friesland.',
      practical: 'Online; the link follows by email.',
    },
  }),
  course({
    key: 'soargje-foar-dysels',
    provider: 'mantelzorg',
    kind: 'workshop',
    title: 'Soargje foar dysels',
    summary:
      'Mantelsoargers jouwe in soad. Yn dizze workshop steane jo sels ris sintraal: wat jout jo enerzjy en wat kostet it?',
    category: 'mantelzorg',
    language: 'fy',
    audiences: ['carers'],
    themes: ['self-care', 'stress'],
    meetings: 1,
    slots: ['morning', 'afternoon'],
    reach: 'frisian',
    text: {
      intro:
        'Wa soarget foar de mantelsoarger? Yn dizze workshop meitsje jo in ienfâldich enerzjyplan: wat jout krêft, wat nimt krêft, en wat kin oars?',
      learn: [
        'jo eigen enerzjyjouwers en -freters yn byld bringe',
        'lytse mominten fan rêst ynplanne',
        'witte wêr’t jo hinne kinne as it tefolle wurdt',
      ],
      forWhom: 'Mantelsoargers yn hiel Fryslân.',
    },
  }),
  // ---- Alzheimer Nederland, afdeling Friesland -------------------------------------------------------
  course({
    key: 'omgaan-dementie',
    provider: 'alzheimer',
    kind: 'training',
    title: 'Omgaan met dementie',
    summary:
      'Wat gebeurt er in het hoofd van iemand met dementie, en hoe blijf je contact maken? Kennis en oefening in vijf bijeenkomsten.',
    category: 'zorg-en-welzijn',
    language: 'nl',
    audiences: ['volunteers', 'carers'],
    themes: ['dementia', 'communication'],
    meetings: 5,
    slots: ['afternoon', 'evening'],
    reach: 'everywhere',
    text: {
      intro:
        'Dementie verandert iemand, en ook de mensen eromheen. Met wat kennis en een andere manier van kijken blijft er veel mogelijk: een wandeling, een lied, een goed moment.',
      learn: [
        'de verschillende vormen van dementie en hun gevolgen',
        'contact maken als woorden minder worden',
        'omgaan met onrust, achterdocht en herhaling',
        'zorgen dat je zelf niet opbrandt',
      ],
      forWhom: 'Vrijwilligers in de zorg, in ontmoetingscentra en mantelzorgers van iemand met dementie.',
    },
  }),
  course({
    key: 'praten-demintens',
    provider: 'alzheimer',
    kind: 'training',
    title: 'Praten mei minsken mei demintens',
    summary:
      'Hoe hâlde jo kontakt mei ien mei demintens, ek as wurden minder wurde? Jo oefenje mei ienfâldige petearen, stilte en oandacht.',
    category: 'zorg-en-welzijn',
    language: 'fy',
    audiences: ['volunteers', 'carers'],
    themes: ['dementia', 'communication'],
    meetings: 3,
    slots: ['afternoon', 'morning'],
    reach: 'frisian',
    text: {
      intro:
        'Minsken mei demintens falle faak werom op harren memmetaal. Foar in soad âlderen yn Fryslân is dat it Frysk. In petear yn it Frysk kin dan krekt dat stikje hâld jaan.',
      learn: [
        'rêstich en ienfâldich prate, sûnder bern-taal',
        'oanslute by oantinkens, lieten en foto’s',
        'omgean mei ferwarring en werhellingen',
      ],
      forWhom: 'Frijwilligers en mantelsoargers dy’t Frysk prate mei minsken mei demintens.',
    },
  }),
  course({
    key: 'dementievriendelijk',
    provider: 'alzheimer',
    kind: 'workshop',
    title: 'Dementievriendelijk vrijwilligerswerk',
    summary:
      'Hoe maak je je vereniging, winkel of dorpshuis een plek waar mensen met dementie welkom blijven?',
    category: 'zorg-en-welzijn',
    language: 'nl',
    audiences: ['volunteers', 'board-members'],
    themes: ['dementia', 'communication', 'inclusion'],
    meetings: 1,
    slots: ['evening'],
    reach: 'everywhere',
    text: {
      intro:
        'Iemand met dementie wil vaak gewoon blijven meedoen: bij het koor, de biljartclub of de bingo in het dorpshuis. Met kleine aanpassingen lukt dat veel langer.',
      learn: [
        'signalen van dementie herkennen bij leden en bezoekers',
        'vriendelijk helpen zonder iemand te betuttelen',
        'praktische aanpassingen voor activiteiten en ruimtes',
      ],
      forWhom: 'Vrijwilligers en bestuurders van verenigingen en dorpshuizen.',
    },
  }),
  course({
    key: 'onbegrepen-gedrag',
    provider: 'alzheimer',
    kind: 'workshop',
    title: 'Onbegrepen gedrag bij dementie',
    summary:
      'Boosheid, dwalen, steeds hetzelfde vragen: wat zit erachter en hoe reageer je rustig en respectvol?',
    category: 'zorg-en-welzijn',
    language: 'nl',
    audiences: ['carers', 'volunteers'],
    themes: ['dementia', 'stress', 'communication'],
    meetings: 1,
    slots: ['afternoon', 'evening'],
    reach: 'everywhere',
    text: {
      intro:
        'Gedrag is bij dementie vaak een boodschap: pijn, angst, verveling of te veel prikkels. Wie die boodschap leert lezen, kan veel onrust voorkomen.',
      learn: [
        'de meest voorkomende oorzaken van onbegrepen gedrag',
        'rustig reageren in een gespannen situatie',
        'wat je na afloop voor jezelf kunt doen',
      ],
      forWhom: 'Mantelzorgers en vrijwilligers die iemand met dementie bijstaan.',
    },
  }),
  // ---- Rode Kruis en EHBO Fryslân ----------------------------------------------------------------------
  course({
    key: 'ehbo-vrijwilligers',
    provider: 'rode-kruis',
    kind: 'training',
    title: 'EHBO voor vrijwilligers',
    summary:
      'Een val op het sportveld, een wesp bij de koffietafel, iemand die onwel wordt: je leert wat je moet doen tot de hulp er is.',
    category: 'veiligheid-en-ehbo',
    language: 'nl',
    audiences: ['volunteers'],
    themes: ['first-aid', 'safety'],
    meetings: 4,
    slots: ['evening', 'saturday'],
    reach: 'everywhere',
    inPerson: true,
    attendanceThreshold: 100,
    text: {
      intro:
        'Bij een ongeluk telt elke minuut. In vier bijeenkomsten leer je de basis van eerste hulp met veel oefenen: verbinden, stabiele zijligging, verslikking en reanimatie.',
      learn: [
        'de situatie veilig maken en 112 bellen',
        'eerste hulp bij bloedingen, brandwonden en botbreuken',
        'reanimeren en de AED gebruiken',
        'wat te doen bij een allergische reactie of een beroerte',
      ],
      forWhom:
        'Vrijwilligers bij sportclubs, evenementen, scouting en in het dorpshuis. Geen voorkennis nodig.',
      practical:
        'Voor het certificaat zijn alle bijeenkomsten verplicht. Draag kleding waarin je op de grond kunt knielen.',
    },
  }),
  course({
    key: 'reanimatie-aed',
    provider: 'rode-kruis',
    kind: 'workshop',
    title: 'Reanimatie en AED',
    summary:
      'In één avond leer je reanimeren en een AED bedienen. Daarna kun je je aanmelden als burgerhulpverlener.',
    category: 'veiligheid-en-ehbo',
    language: 'nl',
    audiences: ['volunteers', 'board-members'],
    themes: ['first-aid', 'safety'],
    meetings: 1,
    slots: ['evening', 'saturday'],
    reach: 'everywhere',
    inPerson: true,
    text: {
      intro:
        'In Fryslân hangen honderden AED’s aan dorpshuizen, kerken en sportkantines. Ze redden levens, als er iemand is die durft te beginnen. Na deze avond ben jij dat.',
      learn: [
        'een hartstilstand herkennen',
        'borstcompressies en beademing op een oefenpop',
        'een AED aanzetten en de instructies volgen',
      ],
      forWhom: 'Iedereen vanaf 16 jaar.',
      practical: 'Je ontvangt een landelijk erkend certificaat, twee jaar geldig.',
    },
  }),
  course({
    key: 'ehbo-kinderen',
    provider: 'rode-kruis',
    kind: 'training',
    title: 'EHBO bij kinderen',
    summary:
      'Voor wie met kinderen werkt: kinderopvang, sportclub, scouting of de speeltuinvereniging. Kinderen zijn geen kleine volwassenen.',
    category: 'veiligheid-en-ehbo',
    language: 'nl',
    audiences: ['volunteers'],
    themes: ['first-aid', 'safety', 'youth'],
    meetings: 3,
    slots: ['saturday', 'evening'],
    reach: 'everywhere',
    inPerson: true,
    text: {
      intro:
        'Bij kinderen gaat het net even anders: verslikking, koorts, een val van het klimrek. In drie bijeenkomsten oefen je met de situaties die je het vaakst tegenkomt.',
      learn: [
        'reanimatie bij baby’s en kinderen',
        'verslikking en benauwdheid',
        'hoofdletsel, botbreuken en brandwonden bij kinderen',
      ],
      forWhom: 'Vrijwilligers die met kinderen werken.',
    },
  }),
  course({
    key: 'earste-help',
    provider: 'rode-kruis',
    kind: 'workshop',
    title: 'Earste help by ûngemakken',
    summary:
      'Wat dogge jo as der ien falt, him snijt of ûnwol wurdt? Yn ien joun leare jo de wichtichste earste-help-hannelingen.',
    category: 'veiligheid-en-ehbo',
    language: 'fy',
    audiences: ['volunteers'],
    themes: ['first-aid', 'safety'],
    meetings: 1,
    slots: ['evening'],
    reach: 'frisian',
    inPerson: true,
    text: {
      intro:
        'By de iisbaan, op it fuotbalfjild of by it doarpsfeest: in ûngemak sit yn in lyts hoekje. Mei in bytsje kennis kinne jo in soad dwaan oant de ambulânse der is.',
      learn: [
        'de situaasje feilich meitsje en 112 skilje',
        'wûnen ferbine en bloedingen stopje',
        'ien yn de stabile sydlizzing lizze',
      ],
      forWhom: 'Frijwilligers by ferienings, eveneminten en yn it doarpshûs.',
    },
  }),
  course({
    key: 'first-aid-basics',
    provider: 'rode-kruis',
    kind: 'workshop',
    title: 'First aid basics for volunteers',
    summary:
      'One evening, hands-on: what to do when someone falls, bleeds or collapses while you are volunteering.',
    category: 'veiligheid-en-ehbo',
    language: 'en',
    audiences: ['volunteers'],
    themes: ['first-aid', 'safety'],
    meetings: 1,
    slots: ['evening'],
    reach: 'city',
    inPerson: true,
    text: {
      intro:
        'Accidents happen at events, sports clubs and community dinners. This workshop gives you the confidence to act in the first minutes.',
      learn: [
        'calling 112 and what they will ask you',
        'stopping bleeding and treating burns',
        'the recovery position and when to use it',
      ],
      forWhom: 'International volunteers; no experience needed.',
      practical: 'Given in English by a certified instructor.',
    },
  }),
  // ---- Doarpswurk --------------------------------------------------------------------------------------
  course({
    key: 'vergadertechniek',
    provider: 'doarpswurk',
    kind: 'workshop',
    title: 'Vergadertechniek voor dorpsbelangen',
    summary:
      'Een vergadering die op tijd klaar is en waar iedereen aan het woord komt. Over agenda’s, voorzitten en besluiten nemen.',
    category: 'organisatie-en-bestuur',
    language: 'nl',
    audiences: ['board-members'],
    themes: ['meetings', 'communication'],
    meetings: 1,
    slots: ['evening'],
    reach: 'everywhere',
    text: {
      intro:
        'De jaarvergadering van dorpsbelang, het overleg met de gemeente, de avond over de nieuwe speeltuin: een goede voorzitter maakt het verschil.',
      learn: [
        'een heldere agenda maken en versturen',
        'voorzitten: ruimte geven en toch doorpakken',
        'besluiten nemen en vastleggen zodat iedereen weet wat er is afgesproken',
      ],
      forWhom: 'Bestuursleden van dorpsbelangen, verenigingen en stichtingen.',
    },
  }),
  course({
    key: 'fondsenwerving',
    provider: 'doarpswurk',
    kind: 'training',
    title: 'Fondsenwerving voor dorpshuizen',
    summary:
      'Een nieuwe keuken, zonnepanelen of een toegankelijke ingang: je leert welke fondsen er zijn en hoe je een aanvraag schrijft die overtuigt.',
    category: 'organisatie-en-bestuur',
    language: 'nl',
    audiences: ['board-members'],
    themes: ['finance', 'meetings'],
    meetings: 3,
    slots: ['evening'],
    reach: 'frisian',
    text: {
      intro:
        'Het dorpshuis is het hart van het dorp, maar het onderhoud kost geld. Gelukkig zijn er in Fryslân en daarbuiten veel fondsen die graag bijdragen aan leefbaarheid.',
      learn: [
        'een passend fonds vinden voor je plan',
        'een projectplan en begroting die kloppen',
        'de aanvraag schrijven en het contact met het fonds onderhouden',
      ],
      forWhom: 'Besturen van dorpshuizen en dorpsbelangen.',
      practical: 'Neem een plan mee waarvoor je geld zoekt; je werkt eraan tijdens de training.',
    },
  }),
  course({
    key: 'penningmeester',
    provider: 'doarpswurk',
    kind: 'training',
    title: 'Penningmeester van een vereniging',
    summary:
      'Net penningmeester geworden? Van kasboek en begroting tot kascommissie en subsidieverantwoording.',
    category: 'organisatie-en-bestuur',
    language: 'nl',
    audiences: ['board-members'],
    themes: ['finance', 'meetings'],
    meetings: 3,
    slots: ['evening'],
    reach: 'everywhere',
    text: {
      intro:
        'De penningmeester houdt de vereniging gezond. Dat is een verantwoordelijke taak, maar met een goed overzicht en een paar vaste gewoontes goed te doen.',
      learn: [
        'een eenvoudige boekhouding opzetten',
        'begroting en jaarrekening maken en uitleggen in de ledenvergadering',
        'subsidies verantwoorden',
      ],
      forWhom: 'Nieuwe en ervaren penningmeesters van verenigingen en stichtingen.',
    },
  }),
  course({
    key: 'gearkomste-liede',
    provider: 'doarpswurk',
    kind: 'workshop',
    title: 'Gearkomste liede yn it doarpshûs',
    summary:
      'In gearkomste fan doarpsbelang of de feriening goed liede: in dúdlike aginda, elkenien oan it wurd en dochs op ’e tiid klear.',
    category: 'organisatie-en-bestuur',
    language: 'fy',
    audiences: ['board-members'],
    themes: ['meetings', 'communication'],
    meetings: 1,
    slots: ['evening'],
    reach: 'frisian',
    text: {
      intro:
        'In gearkomste yn it doarpshûs kin in soad opleverje, of in hiele joun duorje sûnder dat der wat besletten wurdt. Mei in pear ienfâldige ôfspraken giet it better.',
      learn: [
        'in dúdlike aginda meitsje',
        'foarsitte: romte jaan en dochs trochpakke',
        'besluten fêstlizze sadat elkenien wit wat ôfpraat is',
      ],
      forWhom: 'Bestjoersleden fan doarpsbelangen en ferienings.',
    },
  }),
  course({
    key: 'burgerinitiatief',
    provider: 'doarpswurk',
    kind: 'training',
    title: 'Burgerinitiatief: van idee naar projectplan',
    summary:
      'Een buurtmoestuin, een dorpsauto of een eigen zorgcoöperatie: je werkt je idee stap voor stap uit tot een plan waarmee je verder kunt.',
    category: 'organisatie-en-bestuur',
    language: 'nl',
    audiences: ['board-members', 'volunteers'],
    themes: ['meetings', 'communication', 'finance'],
    meetings: 5,
    slots: ['evening'],
    reach: 'frisian',
    text: {
      intro:
        'Steeds meer dorpen nemen zelf het initiatief. Dat vraagt om samenwerking met inwoners, gemeente en organisaties. In deze training krijgt jouw idee handen en voeten.',
      learn: [
        'draagvlak peilen in je dorp of wijk',
        'een projectplan met doelen, planning en begroting',
        'samenwerken met de gemeente en andere partijen',
        'vrijwilligers betrekken en vasthouden',
      ],
      forWhom: 'Inwoners met een plan voor hun dorp of wijk, en besturen van dorpsbelangen.',
    },
  }),
  // ---- Bibliotheken Fryslân — Digitaal Hulpplein -----------------------------------------------------
  course({
    key: 'sociale-media',
    provider: 'bibliotheek',
    kind: 'workshop',
    title: 'Sociale media voor verenigingen',
    summary:
      'Facebook, Instagram of toch de nieuwsbrief? Je maakt een eenvoudig plan om leden en dorpsgenoten te bereiken.',
    category: 'digitale-vaardigheden',
    language: 'nl',
    audiences: ['volunteers', 'board-members'],
    themes: ['digital', 'communication'],
    meetings: 1,
    slots: ['evening', 'afternoon'],
    reach: 'everywhere',
    text: {
      intro:
        'Een goede foto van de activiteit van zaterdag doet meer dan een lange tekst. In deze workshop ontdek je welke kanalen bij jouw vereniging passen en hoe je ze bijhoudt zonder dat het een dagtaak wordt.',
      learn: [
        'het juiste kanaal kiezen voor je doelgroep',
        'berichten schrijven en foto’s maken die opvallen',
        'een eenvoudige planning, zodat het werk verdeeld is',
      ],
      forWhom: 'Vrijwilligers die de communicatie van hun vereniging verzorgen.',
      practical: 'Neem je telefoon of laptop mee.',
    },
  }),
  course({
    key: 'online-vergaderen',
    provider: 'bibliotheek',
    kind: 'workshop',
    title: 'Online vergaderen zonder gedoe',
    summary: 'Beeld, geluid, delen en stemmen: zo lukt een online bestuursvergadering wel.',
    category: 'digitale-vaardigheden',
    language: 'nl',
    audiences: ['board-members', 'volunteers'],
    themes: ['digital', 'meetings'],
    meetings: 1,
    slots: ['morning', 'evening'],
    reach: 'online',
    text: {
      intro:
        'Online vergaderen scheelt reistijd, zeker in een provincie als Fryslân. Maar dan moet de techniek wel meewerken.',
      learn: [
        'een online vergadering klaarzetten en uitnodigen',
        'scherm delen, de chat gebruiken en stemmen',
        'een hybride vergadering in het dorpshuis',
      ],
      forWhom: 'Bestuursleden en vrijwilligers die vergaderingen organiseren.',
    },
  }),
  course({
    key: 'veilig-online',
    provider: 'bibliotheek',
    kind: 'workshop',
    title: 'Veilig online: phishing, wachtwoorden en oplichting',
    summary:
      'Herken nepmails en -berichten, maak sterke wachtwoorden en help de mensen voor wie je zorgt om veilig te internetten.',
    category: 'digitale-vaardigheden',
    language: 'nl',
    audiences: ['volunteers', 'carers'],
    themes: ['digital', 'safety'],
    meetings: 1,
    slots: ['morning', 'afternoon'],
    reach: 'everywhere',
    text: {
      intro:
        'Oplichters zijn slim en richten zich vaak op ouderen. Als vrijwilliger of mantelzorger kun jij het verschil maken door op tijd te waarschuwen.',
      learn: [
        'phishing herkennen in mail, sms en WhatsApp',
        'sterke wachtwoorden en een wachtwoordbeheerder',
        'wat te doen als het toch misgaat',
      ],
      forWhom: 'Vrijwilligers en mantelzorgers, met of zonder veel computerervaring.',
    },
  }),
  course({
    key: 'website-vereniging',
    provider: 'bibliotheek',
    kind: 'training',
    title: 'Een website voor je dorp of vereniging',
    summary:
      'In drie bijeenkomsten zet je een eenvoudige website op die je zelf kunt bijhouden, zonder programmeerkennis.',
    category: 'digitale-vaardigheden',
    language: 'nl',
    audiences: ['volunteers', 'board-members'],
    themes: ['digital', 'communication'],
    meetings: 3,
    slots: ['evening', 'morning'],
    reach: 'everywhere',
    text: {
      intro:
        'Een actuele website met de agenda van het dorpshuis of de contactgegevens van de vereniging is goud waard. Je bouwt hem tijdens de training.',
      learn: [
        'een websitebouwer kiezen die bij je past',
        'pagina’s, foto’s en een agenda toevoegen',
        'het beheer overdragen aan een opvolger',
      ],
      forWhom: 'Vrijwilligers zonder technische achtergrond.',
      practical: 'Neem een laptop mee; in de bibliotheek zijn er een paar te leen.',
    },
  }),
  // ---- GGD Fryslân ------------------------------------------------------------------------------------
  course({
    key: 'mhfa',
    provider: 'ggd',
    kind: 'training',
    title: 'Psychische EHBO',
    summary:
      'Iemand in je groep lijkt somber, angstig of verward. Je leert het gesprek aan te gaan en de weg naar hulp te wijzen.',
    category: 'zorg-en-welzijn',
    language: 'nl',
    audiences: ['volunteers', 'coordinators'],
    themes: ['first-aid', 'communication', 'stress'],
    meetings: 4,
    slots: ['evening', 'afternoon'],
    reach: 'everywhere',
    text: {
      intro:
        'Bij een gebroken been weet iedereen wat te doen. Bij psychische problemen blijven we vaak aan de zijlijn staan, uit angst het verkeerde te zeggen. Deze training geeft handvatten.',
      learn: [
        'signalen van depressie, angst en psychose herkennen',
        'een steunend gesprek voeren',
        'weten wanneer en waar je professionele hulp inschakelt',
        'goed voor jezelf zorgen na een heftig gesprek',
      ],
      forWhom: 'Vrijwilligers en coördinatoren die veel met mensen werken.',
    },
  }),
  course({
    key: 'eenzaamheid',
    provider: 'ggd',
    kind: 'workshop',
    title: 'Eenzaamheid herkennen en bespreekbaar maken',
    summary:
      'Eenzaamheid zie je niet altijd aan de buitenkant. Je leert de signalen en hoe je er iets mee doet.',
    category: 'zorg-en-welzijn',
    language: 'nl',
    audiences: ['volunteers', 'carers'],
    themes: ['communication', 'inclusion'],
    meetings: 1,
    slots: ['afternoon', 'morning'],
    reach: 'everywhere',
    text: {
      intro:
        'Ook in hechte dorpen voelen mensen zich eenzaam. Vrijwilligers die op huisbezoek gaan, bij de maaltijd helpen of de buurtbus rijden zijn vaak de eersten die het merken.',
      learn: [
        'sociale en emotionele eenzaamheid herkennen',
        'het onderwerp aansnijden zonder iemand te beschamen',
        'samen kijken welke activiteiten in de buurt passen',
      ],
      forWhom: 'Vrijwilligers met huisbezoeken of ontmoetingsactiviteiten, en mantelzorgers.',
    },
  }),
  course({
    key: 'gezond-vrijwilligen',
    provider: 'ggd',
    kind: 'workshop',
    title: 'Gezond blijven als vrijwilliger',
    summary:
      'Slaap, beweging en ontspanning: wat helpt je om met plezier en energie vrijwilliger of mantelzorger te blijven?',
    category: 'persoonlijke-ontwikkeling',
    language: 'nl',
    audiences: ['volunteers', 'carers'],
    themes: ['self-care', 'stress'],
    meetings: 1,
    slots: ['morning', 'evening'],
    reach: 'everywhere',
    text: {
      intro:
        'Wie goed voor anderen zorgt, vergeet soms zichzelf. Een verpleegkundige van de GGD vertelt wat er gebeurt bij langdurige spanning en wat je er zelf aan kunt doen.',
      learn: [
        'wat stress met je lichaam doet',
        'eenvoudige gewoontes voor betere slaap en meer energie',
        'waar je terechtkunt als het niet meer gaat',
      ],
      forWhom: 'Vrijwilligers en mantelzorgers van alle leeftijden.',
    },
  }),
];
