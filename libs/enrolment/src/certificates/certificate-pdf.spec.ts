import { certificatePdf } from './certificate-pdf';

const TEXT = {
  academy: 'Vrijwilligersacademie Fryslân',
  heading: 'Bewijs van deelname',
  intro: 'Hierbij verklaren wij dat',
  name: 'Sjoukje de Vries',
  tookPart: 'heeft deelgenomen aan',
  courseTitle: 'Grenzen stellen als mantelzorger',
  details: ['Van 5 maart 2026 tot 26 maart 2026', '4 van de 4 bijeenkomsten bijgewoond'],
  issued: 'Uitgegeven op 28 november 2026',
  title: 'Bewijs van deelname – Grenzen stellen als mantelzorger',
};

describe('certificate of participation PDF', () => {
  it('is a one-page PDF naming the person and the course', async () => {
    const pdf = await certificatePdf(TEXT, { compress: false });
    const body = pdf.toString('latin1');
    expect(body.startsWith('%PDF-')).toBe(true);
    expect(body).toMatch(/\/Type \/Pages\s*\/Count 1/);
    // pdfkit writes the text of the standard fonts as hex strings (split where it kerns).
    expect(body).toContain('/Title');
    const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex');
    expect(body.toLowerCase()).toContain(hex('Sjoukje').toLowerCase());
  });

  it('is compressed by default', async () => {
    const pdf = await certificatePdf(TEXT);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
  });
});
