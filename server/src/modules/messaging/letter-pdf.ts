import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { type Language } from '../../common/i18n/language.js';

// The PDF of a letter the portal wrote for its own decisions (docs/messaging.md "Correspondence"), rendered on
// demand with pdf-lib from the letter's stored text: nothing is stored, so there is no file to keep in step
// with the row and none to orphan. pdf-lib's standard fonts (Helvetica) are WinAnsi-encoded: French accents,
// « », ’ and the non-breaking space are in it; what is not (the narrow non-breaking space French puts before
// ; ! ? », non-breaking hyphens, …) is mapped to its nearest WinAnsi character, and anything else to its
// letters without accents or "?", so that no text can make rendering fail.

export interface LetterPdfContent {
  lang: Language;
  subject: string;
  body: string;
  issuedAt: Date;
  business: { name: string; businessNumber: string };
  programAccount: { accountNumber: string; name: string } | null;
}

const PAGE = { width: 612, height: 792 }; // US Letter, in points
const MARGIN = 72;
const BODY_SIZE = 11;
const LINE = BODY_SIZE * 1.45;

const WORDS: Record<Language, { to: string; account: string; bn: string; signOff: string[]; page: string }> =
  {
    en: {
      to: 'To',
      account: 'Program account',
      bn: 'Business number',
      signOff: ['Sincerely,', 'Client services of the agency'],
      page: 'Page {n} of {total}',
    },
    fr: {
      to: 'Destinataire',
      account: 'Compte de programme',
      bn: 'Numéro d’entreprise',
      signOff: ['Veuillez agréer nos salutations distinguées.', 'Les services à la clientèle de l’agence'],
      page: 'Page {n} de {total}',
    },
  };

/** Nearest WinAnsi characters for some that are not in it. */
const NEAREST: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (French before ; ! ? and inside « »)
  '\u2007': '\u00a0',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2212': '-',
  '\u2032': '’',
  '\u2033': '”',
  '\u2039': '‹',
  '\u00ad': '',
  '\u200b': '',
  '\u200d': '',
  '\ufeff': '',
  '\t': '    ',
};

/** The text as the font can draw it: nearest characters, then letters without their accents, then "?". */
const characterSets = new WeakMap<PDFFont, Set<number>>();

export function winAnsiText(font: PDFFont, text: string): string {
  let supported = characterSets.get(font);
  if (!supported) characterSets.set(font, (supported = new Set(font.getCharacterSet())));
  let out = '';
  for (const char of text) {
    const mapped = NEAREST[char] ?? char;
    for (const c of mapped) {
      if (supported.has(c.codePointAt(0)!)) {
        out += c;
        continue;
      }
      const bare = c.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...bare].every((b) => supported.has(b.codePointAt(0)!)) && bare ? bare : '?';
    }
  }
  return out;
}

/** Breaks a paragraph into lines that fit `width` (a word longer than a line is cut). */
export function wrapLine(font: PDFFont, size: number, text: string, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (!fits(current)) {
      let cut = current.length - 1;
      while (cut > 1 && !fits(current.slice(0, cut))) cut--;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  lines.push(current);
  return lines;
}

function longDate(date: Date, lang: Language): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'long',
    timeZone: 'America/Toronto',
  }).format(date);
}

/**
 * A letter as PDF bytes: title, date, addressee (business, business number, program account), the body
 * wrapped to the page with page breaks as needed, the agency's sign-off, and "Page n of m" on each page.
 */
export async function renderLetterPdf(letter: LetterPdfContent): Promise<Uint8Array> {
  const words = WORDS[letter.lang];
  const doc = await PDFDocument.create();
  doc.setTitle(letter.subject);
  doc.setLanguage(letter.lang === 'fr' ? 'fr-CA' : 'en-CA');
  doc.setCreator('Passerelle');
  doc.setProducer('Passerelle (pdf-lib)');
  doc.setCreationDate(letter.issuedAt);
  doc.setModificationDate(letter.issuedAt);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * MARGIN;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage([PAGE.width, PAGE.height]);
    pages.push(page);
    y = PAGE.height - MARGIN;
  };
  const write = (text: string, options: { font?: PDFFont; size?: number; gapAfter?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? BODY_SIZE;
    const lineHeight = size * 1.45;
    for (const line of wrapLine(font, size, winAnsiText(font, text), width)) {
      if (y - lineHeight < MARGIN) newPage();
      y -= lineHeight;
      page.drawText(line, { x: MARGIN, y, size, font, color: rgb(0, 0, 0) });
    }
    y -= options.gapAfter ?? 0;
  };

  newPage();
  write(longDate(letter.issuedAt, letter.lang), { gapAfter: LINE });
  write(`${words.to}: ${letter.business.name}`);
  write(`${words.bn}: ${letter.business.businessNumber}`);
  if (letter.programAccount)
    write(
      `${words.account}: ${letter.programAccount.accountNumber}${letter.programAccount.name ? ` (${letter.programAccount.name})` : ''}`,
    );
  y -= LINE;
  write(letter.subject, { font: bold, size: 14, gapAfter: LINE / 2 });
  for (const paragraph of letter.body.replace(/\r\n?/g, '\n').split('\n')) {
    if (paragraph.trim() === '') y -= LINE / 2;
    else write(paragraph, { gapAfter: 0 });
  }
  y -= LINE;
  for (const line of words.signOff) write(line);

  pages.forEach((p, index) => {
    const label = words.page.replace('{n}', String(index + 1)).replace('{total}', String(pages.length));
    p.drawText(label, { x: MARGIN, y: MARGIN / 2, size: 9, font: regular, color: rgb(0.3, 0.3, 0.3) });
  });
  return doc.save();
}
