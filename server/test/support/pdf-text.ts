import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';

// Test-only reading of the PDFs the portal renders (modules/messaging/letter-pdf.ts): parse the bytes back
// with pdf-lib, inflate each page's content streams and read the strings drawn with Tj. pdf-lib writes text of
// its standard fonts as hex strings of WinAnsi (windows-1252) codes, so that is what is decoded here.

// Windows-1252 0x80–0x9F (Node's TextDecoder may treat the label as Latin-1); the rest is Latin-1.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = {
  decode: (bytes: Buffer) =>
    [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join(''),
};

/** The pages of a PDF and the text drawn on each, one string per line drawn. */
export async function pdfPages(bytes: Uint8Array): Promise<{ doc: PDFDocument; pages: string[][] }> {
  const doc = await PDFDocument.load(bytes);
  const pages = doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((item) => doc.context.lookup(item)) : [contents];
    const lines: string[] = [];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const operators = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const match of operators.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
        lines.push(winAnsi.decode(Buffer.from(match[1], 'hex')));
    }
    return lines;
  });
  return { doc, pages };
}
