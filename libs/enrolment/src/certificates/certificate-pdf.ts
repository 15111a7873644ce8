import PDFDocument from 'pdfkit';

/** What a certificate says, already in the reader's language. */
export interface CertificateText {
  academy: string;
  heading: string;
  /** "This is to certify that" */
  intro: string;
  name: string;
  /** "took part in" */
  tookPart: string;
  courseTitle: string;
  /** Lines under the title: provider, dates, meetings attended. */
  details: string[];
  /** Where and when it was issued. */
  issued: string;
  /** Document title and subject for the PDF's metadata. */
  title: string;
}

export interface CertificateOptions {
  /** pdfkit compresses page streams by default; tests turn it off to read the text. */
  compress?: boolean;
}

const GREEN = '#1d5c3a';

/** A one-page A4 certificate of participation, landscape, in the academy's plain style. */
export function certificatePdf(text: CertificateText, options: CertificateOptions = {}): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 56,
      compress: options.compress ?? true,
      info: { Title: text.title, Author: text.academy, Subject: text.courseTitle, Creator: text.academy },
      lang: undefined,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const { width, height } = doc.page;
    doc
      .lineWidth(3)
      .strokeColor(GREEN)
      .rect(28, 28, width - 56, height - 56)
      .stroke();
    const column = { width: width - 112, align: 'center' as const };
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(16).fillColor(GREEN).text(text.academy, column);
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(30).fillColor('#111111').text(text.heading, column);
    doc.moveDown(1);
    doc.font('Helvetica').fontSize(14).text(text.intro, column);
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(24).text(text.name, column);
    doc.moveDown(0.5);
    doc.font('Helvetica').fontSize(14).text(text.tookPart, column);
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(20).fillColor(GREEN).text(text.courseTitle, column);
    doc.moveDown(1);
    doc.font('Helvetica').fontSize(13).fillColor('#111111');
    for (const line of text.details) doc.text(line, column);
    doc.moveDown(2);
    doc.fontSize(11).fillColor('#444444').text(text.issued, column);
    doc.end();
  });
}
