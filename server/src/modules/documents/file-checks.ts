import { type AcceptedExtension } from '../../common/rules/upload-rules.js';

// What an uploaded file may be (seed 003 §2.5): at most 15 MB, one of twelve extensions, and content that
// matches the extension's signature (magic bytes), so that an .exe renamed .pdf is refused.

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The signatures a file of each extension may start with (txt is checked as UTF-8 instead). */
const signatures: Record<Exclude<AcceptedExtension, 'txt'>, number[][]> = {
  pdf: [[0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  doc: [OLE2],
  xls: [OLE2],
  // Office Open XML and XPS are ZIP packages.
  docx: [ZIP],
  xlsx: [ZIP],
  xps: [ZIP],
  rtf: [[0x7b, 0x5c, 0x72, 0x74, 0x66]], // {\rtf
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  tif: [
    [0x49, 0x49, 0x2a, 0x00],
    [0x4d, 0x4d, 0x00, 0x2a],
  ],
  tiff: [
    [0x49, 0x49, 0x2a, 0x00],
    [0x4d, 0x4d, 0x00, 0x2a],
  ],
};

export const contentTypes: Record<AcceptedExtension, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  rtf: 'application/rtf',
  txt: 'text/plain; charset=utf-8',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  tif: 'image/tiff',
  xps: 'application/vnd.ms-xpsdocument',
};

/** The name a person gave the file, without any path and control characters. */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean || 'file';
}

/** Checks a file's content as it streams: only the first bytes are kept (and, for txt, a UTF-8 decoder's state). */
export class ContentInspector {
  private head = Buffer.alloc(0);
  private utf8 = new TextDecoder('utf-8', { fatal: true });
  private textValid = true;

  constructor(private readonly extension: AcceptedExtension) {}

  update(chunk: Buffer): void {
    if (this.head.length < 16) this.head = Buffer.concat([this.head, chunk.subarray(0, 16)]);
    if (this.extension === 'txt' && this.textValid) {
      if (chunk.includes(0)) this.textValid = false;
      else
        try {
          this.utf8.decode(chunk, { stream: true });
        } catch {
          this.textValid = false;
        }
    }
  }

  /** Whether the whole content matched the extension. */
  matches(): boolean {
    if (this.extension === 'txt') {
      if (!this.textValid) return false;
      try {
        this.utf8.decode();
        return true;
      } catch {
        return false;
      }
    }
    return signatures[this.extension].some((signature) =>
      signature.every((byte, index) => this.head[index] === byte),
    );
  }
}
