import { CatalogueSearchService, CoursesService } from '@academy/catalogue';
import { DEMO_TRAINER_ID } from '@academy/catalogue/demo/demo-people';
import { createTestDatabase, describeEachDatabase } from '@academy/platform/testing/test-databases';
import { exampleCsv, type ImportKit, openImportKit } from './import-test-kit';

const ADMIN = {
  userId: '00000000-0000-4000-8000-00000000a0a0',
  displayName: 'Test admin',
  locale: 'nl',
  admin: true,
  memberships: [],
  sessionId: 'test',
};

/** The example file holds 5 courses, 9 sessions and 15 meetings (one row per meeting, 15 rows). */
const EXAMPLE = { rows: 15, courses: 5, sessions: 9, meetings: 15 };

const wallClock = (iso: string) =>
  new Date(iso).toLocaleString('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'short',
    timeStyle: 'short',
  });

describeEachDatabase('catalogue CSV import', (kind) => {
  let kit: ImportKit;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    const database = await createTestDatabase(kind);
    drop = () => database.drop();
    kit = await openImportKit(database);
  });

  afterEach(async () => {
    await kit?.close();
    await drop?.();
  });

  const courseCount = async () =>
    (await kit.get(CoursesService).listManageable(ADMIN, { page: 1, pageSize: 1 })).total;

  it('imports a good file: courses published with their sessions, announced through the outbox', async () => {
    const progress: number[] = [];
    const result = await kit.importer.import(exampleCsv(), { onProgress: (done) => progress.push(done) });

    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ imported: true, dryRun: false, ...EXAMPLE, published: EXAMPLE.courses });
    expect(progress[progress.length - 1]).toBe(EXAMPLE.rows);

    const listing = await kit.get(CatalogueSearchService).search({ page: 1, pageSize: 20 });
    expect(listing.total).toBe(EXAMPLE.courses);
    const rouw = listing.items.find((item) => item.title === 'Omgaan met verlies en rouw')!;
    const course = await kit.get(CoursesService).get(rouw.id);
    expect(course).toMatchObject({
      kind: 'training',
      language: 'nl',
      themes: ['boundaries', 'grief', 'self-care'],
    });
    expect(course.provider?.name).toBe('Mantelzorg Súdwest-Fryslân');
    expect(course.trainerIds).toEqual([DEMO_TRAINER_ID]);
    expect(course.descriptionHtml).toContain('<h2');
    expect(course.sessions).toHaveLength(2);
    const [sneek, online] = course.sessions;
    expect(sneek).toMatchObject({ capacity: 12, minimumParticipants: 5 });
    expect(sneek.meetings).toHaveLength(4);
    // "07-09-2027" and "14:00" in the sheet are Dutch time.
    expect(wallClock(sneek.meetings[0].startsAt)).toMatch(/^07-09-\d{4}, 14:00$/);
    expect(sneek.meetings[0].location).toMatchObject({ name: 'Buurthuis De Pitte', place: 'Sneek' });
    expect(online).toMatchObject({ waitlistMode: 'offer', offerHours: 24 });
    expect(online.meetings[0].location).toMatchObject({
      online: true,
      url: 'https://meet.academie.example/rouw-b',
    });

    const frisian = listing.items.find((item) => item.language === 'fy')!;
    expect(frisian.title).toBe('Harkje mei oandacht');

    // Written to the outbox, left for the running catalogue's relay to deliver.
    expect(await kit.outbox()).toEqual({
      'catalogue.session.published.v1': EXAMPLE.sessions,
      'catalogue.course.changed.v1': EXAMPLE.courses,
    });
  });

  it('imports nothing from a file with one bad row, and says which row, column and why', async () => {
    const lines = exampleCsv().split('\r\n');
    // Row 14 of the sheet: the second Frisian session ends before it starts.
    const bad = lines.findIndex((line) => line.includes('09-11-') && line.includes('Buitenpost'));
    lines[bad] = lines[bad].replace(/(09-11-\d{4}) 16:00/, '$1 12:00');
    const result = await kit.importer.import(lines.join('\r\n'));

    expect(result.imported).toBe(false);
    expect(result.problems).toEqual([
      { row: bad + 1, column: 'end', message: 'The meeting must end after it starts.' },
    ]);
    expect(await courseCount()).toBe(0);
    expect(await kit.outbox()).toEqual({});
  });

  it('reports every rejected cell of a file in the API’s words, with rows as the sheet numbers them', async () => {
    const csv = [
      'cursus;soort;titel;samenvatting;categorie;taal;thema’s;capaciteit;datum;begintijd;eindtijd;locatie;plaats',
      'A;cursus;Goed;Een korte samenvatting.;mantelzorg;nl;stress;12;01-02-2099;19:30;21:30;Dorpshuis;Grou',
      ';;;;;;;;;;;;',
      'B;workshop;Ok;Nog een samenvatting.;bestaat-niet;nl;stress;12;31-02-2099;19:30;21:30;Dorpshuis;Grou',
      'C;workshop;Derde cursus;Nog een samenvatting.;mantelzorg;nl;stress;twaalf;01-03-2099;19:30;21:30;Online;',
    ].join('\n');
    const result = await kit.importer.import(csv);

    expect(result.imported).toBe(false);
    expect(result.problems).toEqual([
      { row: 2, column: 'kind', message: 'kind must be one of the following values: training, workshop' },
      { row: 4, column: 'title', message: 'title must be longer than or equal to 3 characters' },
      { row: 4, column: 'date', message: '“31-02-2099” is not a date: write it as 28-11-2026.' },
      { row: 5, column: 'capacity', message: '“twaalf” is not a number.' },
    ]);
    expect(await courseCount()).toBe(0);
  });

  it('dry-run checks everything and writes nothing', async () => {
    const result = await kit.importer.import(exampleCsv(), { dryRun: true });

    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ imported: false, dryRun: true, ...EXAMPLE, published: EXAMPLE.courses });
    expect(await courseCount()).toBe(0);
    expect(await kit.outbox()).toEqual({});
  });

  it('refuses the same file a second time instead of doubling the catalogue', async () => {
    expect((await kit.importer.import(exampleCsv())).imported).toBe(true);
    const again = await kit.importer.import(exampleCsv());

    expect(again.imported).toBe(false);
    expect(again.problems).toHaveLength(EXAMPLE.courses);
    expect(again.problems[0]).toMatchObject({
      row: 2,
      column: 'title',
      message: expect.stringContaining('already'),
    });
    expect(await courseCount()).toBe(EXAMPLE.courses);
  });

  it('reads a comma-separated export without a byte-order mark, and names an unknown provider', async () => {
    const csv = [
      'course,kind,title,summary,category,language,provider,capacity,start,end,venue,place',
      'X,workshop,Koffie en praat,"Een ochtend bijpraten, met koffie.",mantelzorg,nl,De Onbekende Stichting,10,' +
        '2099-05-04T10:00:00+02:00,2099-05-04T12:00:00+02:00,Buurthuis,Dokkum',
    ].join('\n');
    const result = await kit.importer.import(csv);

    expect(result.problems).toEqual([
      {
        row: 2,
        column: 'provider',
        message: expect.stringMatching(
          /^There is no provider named “De Onbekende Stichting”\. Known providers: /,
        ),
      },
    ]);
    const fixed = await kit.importer.import(csv.replace('De Onbekende Stichting', 'GGD Fryslân'));
    expect(fixed).toMatchObject({ imported: true, courses: 1, sessions: 1, problems: [] });
  });
});
