import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { type Request } from 'express';
import { characterCount } from '../../common/rules/text-rules.js';
import { type MessageKey, type MessageParams } from '../../common/i18n/messages.js';
import {
  ACCEPTED_EXTENSIONS,
  extensionOf,
  FILE_NAME_MAX_LENGTH,
  isAcceptedExtension,
  MAX_FILE_BYTES,
  MAX_FILES_PER_UPLOAD,
  type UploadError,
} from '../../common/rules/upload-rules.js';
import { type CheckedFile } from './documents.service.js';
import { cleanFileName, ContentInspector, contentTypes } from './file-checks.js';

// The streamed reception of a multipart upload under the document rules (seed 003 §2.5: up to 10 files,
// 15 MB each, the accepted types checked by extension and content), shared by every upload route: case
// documents (documents.routes.ts) and message attachments (modules/messaging). Nothing of a refused type, or
// of an upload the caller may not make, touches the disk.

export interface ReceivedFile {
  index: number;
  fileName: string;
  extension: string;
  sizeBytes: number;
  truncated: boolean;
  tempPath: string | null;
  inspector: ContentInspector | null;
}

/** The body itself was bad (cut off, not well-formed multipart): the caller's to fix, not the server's. */
export class MalformedUpload extends Error {}

export interface ReceivedUpload {
  fields: Record<string, string>;
  files: ReceivedFile[];
  /** More than MAX_FILES_PER_UPLOAD files were sent. */
  tooMany: boolean;
}

/**
 * Reads a multipart body: its fields (which must come before the files), and its `files` parts streamed
 * into `tempDir`. `mayStore` is asked once, when the first file starts, with the fields read so far: when
 * it answers false, files are still read, counted and inspected (for the per-file answers) but never
 * written. Every file's write is pushed to `writes`, to be settled before `tempDir` is removed. Rejects
 * with MalformedUpload for a bad body.
 */
export async function receiveUpload(
  req: Request,
  tempDir: string,
  mayStore: (fields: Record<string, string>) => Promise<boolean>,
  writes: Array<Promise<void>>,
): Promise<ReceivedUpload> {
  let allowed: Promise<boolean> | undefined;
  const fields: Record<string, string> = {};
  const files: ReceivedFile[] = [];
  let tooMany = false;
  let parts = 0;
  await new Promise<void>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          files: MAX_FILES_PER_UPLOAD,
          // One byte more than allowed: a file of exactly the limit is whole, one byte over is truncated.
          fileSize: MAX_FILE_BYTES + 1,
          fields: 10,
          fieldSize: 1000,
          parts: MAX_FILES_PER_UPLOAD + 20,
        },
      });
    } catch (error) {
      // busboy throws at once on a header it cannot use (multipart without a boundary).
      reject(new MalformedUpload((error as Error).message));
      return;
    }
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      // A body cut off mid-file destroys the file stream with an error, and the parser reports it too
      // (below). Without a listener here, that error would be thrown as uncaught and end the process.
      stream.on('error', () => undefined);
      if (name !== 'files') {
        stream.resume();
        return;
      }
      const check = (allowed ??= mayStore({ ...fields }));
      const fileName = cleanFileName(info.filename);
      const extension = extensionOf(fileName);
      const accepted = isAcceptedExtension(extension);
      const file: ReceivedFile = {
        index: files.length,
        fileName,
        extension,
        sizeBytes: 0,
        truncated: false,
        tempPath: accepted ? path.join(tempDir, String(parts++)) : null,
        inspector: accepted ? new ContentInspector(extension) : null,
      };
      files.push(file);
      stream.on('data', (chunk: Buffer) => {
        file.sizeBytes += chunk.length;
        file.inspector?.update(chunk);
      });
      stream.on('limit', () => {
        file.truncated = true;
      });
      // A refused type, or any file of an upload the caller may not make, is read and thrown away: nothing
      // of it touches the disk. Paused until the answer is known (busboy waits meanwhile).
      stream.pause();
      const write = check.then(
        async (ok) => {
          if (!ok || stream.destroyed) file.tempPath = null;
          if (!file.tempPath) {
            stream.resume();
            await finished(stream);
          } else await pipeline(stream, createWriteStream(file.tempPath));
        },
        (error: unknown) => {
          // Drained, or busboy would wait for this stream forever and the request never end.
          stream.resume();
          throw error;
        },
      );
      // Awaited with the others once the body is read; until then a failure must not count as unhandled.
      write.catch(() => undefined);
      writes.push(write);
    });
    parser.on('filesLimit', () => {
      tooMany = true;
    });
    parser.on('error', (error: Error) => reject(new MalformedUpload(error.message)));
    parser.on('close', resolve);
    req.on('aborted', () => reject(new MalformedUpload('upload aborted')));
    req.pipe(parser);
  });
  await Promise.all(writes);
  return { fields, files, tooMany };
}

/** The problems of the received files (count, type, size, emptiness, content, name), in file order. */
export function fileProblems(
  upload: ReceivedUpload,
  t: (key: MessageKey, params?: MessageParams) => string,
): UploadError[] {
  const errors: UploadError[] = [];
  const problem = (field: UploadError['field'], code: string, key: string, params: MessageParams = {}) =>
    errors.push({
      field,
      code,
      message: t(key as MessageKey, params),
      ...(typeof params.fileName === 'string' ? { fileName: params.fileName } : {}),
    });
  if (upload.tooMany)
    problem(['files'], 'TOO_MANY', 'documents.files.TOO_MANY', { max: MAX_FILES_PER_UPLOAD });
  else if (upload.files.length === 0) problem(['files'], 'REQUIRED', 'documents.files.REQUIRED');
  for (const file of upload.files) {
    const field = ['files', file.index];
    const fileName = file.fileName;
    if (!file.inspector)
      problem(field, 'TYPE_NOT_ALLOWED', 'documents.file.TYPE_NOT_ALLOWED', {
        fileName,
        types: ACCEPTED_EXTENSIONS.join(', '),
      });
    else if (file.truncated || file.sizeBytes > MAX_FILE_BYTES)
      problem(field, 'TOO_LARGE', 'documents.file.TOO_LARGE', {
        fileName,
        maxMb: MAX_FILE_BYTES / 1024 / 1024,
      });
    else if (file.sizeBytes === 0) problem(field, 'EMPTY', 'documents.file.EMPTY', { fileName });
    else if (!file.inspector.matches())
      problem(field, 'CONTENT_MISMATCH', 'documents.file.CONTENT_MISMATCH', {
        fileName,
        extension: file.extension,
      });
    else if (characterCount(fileName) > FILE_NAME_MAX_LENGTH)
      problem(field, 'NAME_TOO_LONG', 'documents.file.NAME_TOO_LONG', {
        fileName,
        max: FILE_NAME_MAX_LENGTH,
      });
  }
  return errors;
}

/** The received files as stored (call only when `fileProblems` found none and the upload was allowed). */
export function checkedFiles(upload: ReceivedUpload): CheckedFile[] {
  return upload.files.map((file) => ({
    fileName: file.fileName,
    contentType: contentTypes[file.extension as keyof typeof contentTypes],
    sizeBytes: file.sizeBytes,
    tempPath: file.tempPath!,
  }));
}
