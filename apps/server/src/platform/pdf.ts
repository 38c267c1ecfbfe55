/** What every PDF the server renders (labels, certificates, batch records) needs once pdfkit has the pages. */

/**
 * The whole document as one Buffer. Call it before `doc.end()`: pdfkit streams as it writes, and
 * chunks emitted before a listener is attached would be lost.
 */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
