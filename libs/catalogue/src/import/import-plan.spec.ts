import { readCsv } from './csv-reader';
import { cellKey, planImport } from './import-plan';

const plan = (lines: string[]) => planImport(readCsv(lines.join('\n')));

describe('grouping spreadsheet rows into courses, sessions and meetings', () => {
  const header =
    'course;kind;title;summary;category;language;audiences;provider;publish;session;capacity;trainers;go_no_go_at;date;start;end;venue;place;online;url';

  it('makes one course per course reference, one session per session reference, one meeting per row', () => {
    const result = plan([
      header,
      'T1;training;Omgaan met dementie;Kort.;zorg-en-welzijn;nl;volunteers|carers;GGD Fryslân;;A;12;id-1;01-03-2027;08-03-2027;19:30;21:30;Dorpshuis;Grou;;',
      'T1;;;;;;;;;A;;;;15-03-2027;19:30;21:30;Dorpshuis;Grou;;',
      'T1;;;;;;;;;B;10;id-2;;;05-04-2027 14:00;05-04-2027 16:00;Online;;ja;https://meet.example/x',
      'W1;workshop;Reanimatie;Kort.;veiligheid-en-ehbo;nl;;;nee;;16;;;10-03-2027;19:30;22:00;Bieb;Sneek;;',
      'W1;;;;;;;;;;16;;;17-03-2027;19:30;22:00;Bieb;Drachten;;',
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(5);
    const [training, workshop] = result.courses;
    expect(training).toMatchObject({
      ref: 'T1',
      row: 2,
      provider: 'GGD Fryslân',
      publish: true,
      body: {
        kind: 'training',
        title: 'Omgaan met dementie',
        category: 'zorg-en-welzijn',
        audiences: ['volunteers', 'carers'],
      },
    });
    expect(training.sessions).toHaveLength(2);
    expect(training.sessions[0]).toMatchObject({
      row: 2,
      body: { capacity: 12, trainerIds: ['id-1'], goNoGoAt: '2027-03-01T11:00:00.000Z' },
    });
    expect(training.sessions[0].meetings.map((m) => [m.row, m.body.startsAt])).toEqual([
      [2, '2027-03-08T18:30:00.000Z'],
      [3, '2027-03-15T18:30:00.000Z'],
    ]);
    expect(training.sessions[1].meetings[0].body).toEqual({
      startsAt: '2027-04-05T12:00:00.000Z',
      endsAt: '2027-04-05T14:00:00.000Z',
      location: { name: 'Online', online: true, url: 'https://meet.example/x' },
    });
    // Rows without a session reference are sessions of their own.
    expect(workshop.publish).toBe(false);
    expect(workshop.sessions.map((s) => s.meetings[0].body.location)).toEqual([
      { name: 'Bieb', place: 'Sneek' },
      { name: 'Bieb', place: 'Drachten' },
    ]);
  });

  it('accepts Dutch headers, whatever their case, spaces or apostrophes', () => {
    const result = plan([
      'Cursus;Soort;Titel;Samenvatting;Categorie;Taal;Thema’s;Capaciteit;Datum;Begintijd;Eindtijd;Locatie;Plaats',
      'C;workshop;Titel;Kort.;mantelzorg;fy;stress|self-care;8;02-02-2027;10:00;12:00;Doarpshûs;Grou',
    ]);
    expect(result.problems).toEqual([]);
    expect(result.courses[0].body).toMatchObject({ language: 'fy', themes: ['stress', 'self-care'] });
    expect(result.courses[0].sessions[0].body).toEqual({ capacity: 8 });
  });

  it('refuses unknown and doubled columns, and rows without a course reference', () => {
    const result = plan(['course;titel;title;prijs', ';Een;Een;10']);
    expect(result.problems).toEqual([
      { row: 1, column: 'title', message: 'Appears twice (also as “titel”).' },
      {
        row: 1,
        column: 'prijs',
        message: expect.stringContaining('Unknown column. Known columns: course, kind'),
      },
      { row: 2, column: 'course', message: expect.stringContaining('Empty') },
    ]);
    expect(plan(['title;summary', 'Een;Kort']).problems).toEqual([
      { row: 1, column: 'course', message: expect.stringContaining('Missing') },
    ]);
  });

  it('lets later rows repeat a course’s cells but not contradict them', () => {
    const result = plan([
      'course;title;session;capacity;start;end',
      'A;Omgaan met dementie;1;12;08-03-2027 19:30;08-03-2027 21:30',
      'A;Omgaan met dementie;1;12;15-03-2027 19:30;15-03-2027 21:30',
      'A;Omgaan met demintens;1;14;22-03-2027 19:30;22-03-2027 21:30',
    ]);
    expect(result.problems).toEqual([
      {
        row: 4,
        column: 'title',
        message: '“Omgaan met demintens” differs from row 2 of course “A”, which says “Omgaan met dementie”.',
      },
      { row: 4, column: 'capacity', message: '“14” differs from row 2 of session “1”, which says “12”.' },
    ]);
  });

  it('says which cell cannot be read, once, and marks the cells that problem explains', () => {
    const result = plan([
      'course;capacity;publish;date;start;end;online',
      'A;twaalf;misschien;30-02-2027;19:30;21:30;soms',
    ]);
    expect(result.problems).toEqual([
      { row: 2, column: 'date', message: '“30-02-2027” is not a date: write it as 28-11-2026.' },
      { row: 2, column: 'online', message: '“soms”: write “ja” or “nee”.' },
      { row: 2, column: 'publish', message: '“misschien”: write “ja” or “nee”.' },
      { row: 2, column: 'capacity', message: '“twaalf” is not a number.' },
    ]);
    expect([...result.explained]).toEqual([cellKey(2, 'start'), cellKey(2, 'end')]);
  });
});
