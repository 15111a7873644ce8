import { csvCell, rosterCsv } from './roster-csv';

describe('roster CSV', () => {
  it('quotes what needs quoting and keeps formulas from running', () => {
    expect(csvCell('Anna de Vries')).toBe('Anna de Vries');
    expect(csvCell('Vries, Anna "Ans"')).toBe('"Vries, Anna ""Ans"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(null)).toBe('');
  });

  it('has a column per meeting in Friesland time and a row per participant', () => {
    const csv = rosterCsv({
      sessionId: 's',
      courseTitle: 'Grenzen stellen',
      attendanceThreshold: 75,
      cancelled: false,
      meetings: [
        {
          id: 'm1',
          index: 0,
          startsAt: '2026-01-15T18:30:00.000Z',
          endsAt: '2026-01-15T20:30:00.000Z',
          place: 'Sneek',
        },
      ],
      participants: [
        {
          enrolmentId: 'e1',
          userId: 'u1',
          displayName: 'Sjoukje',
          status: 'confirmed',
          waitlistPosition: null,
          attendance: [{ meetingId: 'm1', status: 'present' }],
          attended: 1,
          completed: true,
        },
      ],
      waitlist: [],
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'participant,status,2026-01-15 19:30,attended,completed',
      'Sjoukje,confirmed,present,1,yes',
      '',
    ]);
  });
});
