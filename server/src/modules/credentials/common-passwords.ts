import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commonPasswordsLoaded, setCommonPasswords } from '../../common/rules/credential-rules.js';

// server/src/modules/credentials and server/dist/modules/credentials are both three levels below server/.
export const commonPasswordsFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../reference-data/common-passwords.txt',
);

/**
 * Reads the common-password list into the shared rules, once, on the first password check: a process
 * that never checks a password (a worker, a CLI) never reads it.
 */
export function loadCommonPasswords(): void {
  if (!commonPasswordsLoaded()) setCommonPasswords(readFileSync(commonPasswordsFile, 'utf8'));
}
