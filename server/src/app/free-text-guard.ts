import { type ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode } from 'graphql';
import { AppError, ErrorCode } from '../common/errors/app-error.js';
import { hasForbiddenControlCharacters } from '../common/rules/text-rules.js';
import { type AppContext } from './context.js';

/** The path of the first string in `value` that holds a forbidden control character, if any. */
function firstControlled(value: unknown, path: Array<string | number>): Array<string | number> | null {
  if (typeof value === 'string') return hasForbiddenControlCharacters(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstControlled(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstControlled(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Apollo keeps a query's parsed document between requests: its literals are checked once. */
const literalsChecked = new WeakMap<DocumentNode, boolean>();

function literalHasControl(document: DocumentNode): boolean {
  const known = literalsChecked.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (hasForbiddenControlCharacters(node.value)) found = true;
    },
  });
  literalsChecked.set(document, found);
  return found;
}

/**
 * Free text never holds control characters other than tabs and line breaks (NUL, ESC, DEL…: they corrupt
 * exports, terminals and emails), in any argument of any operation, as the registry import already refused
 * them: such a request is refused whole, with HTTP 400 and BAD_USER_INPUT (reason CONTROL_CHARACTERS, the
 * variable's path), before anything runs (decision 0021).
 */
export function freeTextGuardPlugin(): ApolloServerPlugin<AppContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ request, document }) {
          const path = firstControlled(request.variables ?? {}, []);
          if (path || literalHasControl(document))
            throw new AppError(
              ErrorCode.BAD_USER_INPUT,
              'errors.controlCharacters',
              {},
              { reason: 'CONTROL_CHARACTERS', ...(path && { variable: path }), http: { status: 400 } },
            );
          return Promise.resolve();
        },
      });
    },
  };
}
