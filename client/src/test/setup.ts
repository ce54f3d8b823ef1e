// Preact's development checks, React's in the specs before decision 0053: among them the duplicate keys
// caught below. First, before anything renders.
import 'preact/debug';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, vi } from 'vitest';
import { duplicateKeyIn } from './duplicate-keys';

// Queries that wait (findBy, waitFor) return as soon as the page shows what they look for; the limit only
// matters on a busy machine, where GCDS components upgrade slowly in jsdom. One second failed a CI-like run
// under a load of 8 on two cores, and five seconds a run at a load of 8 to 10 (the first `findByText` of
// account-indicators.spec.tsx, its file 8.1 s); fifteen costs nothing to a passing test, and stays under the
// test's own limit (testTimeout in vite.config.ts).
configure({ asyncUtilTimeout: 15_000 });

// jsdom has constructable stylesheets but no `adoptedStyleSheets`, which the GCDS (Stencil) components
// push their styles to when they attach a shadow root. (Node-environment specs have no DOM at all.)
const domPrototypes = typeof ShadowRoot === 'undefined' ? [] : [ShadowRoot.prototype, Document.prototype];
for (const proto of domPrototypes) {
  if (!('adoptedStyleSheets' in proto)) {
    const sheets = new WeakMap<object, CSSStyleSheet[]>();
    Object.defineProperty(proto, 'adoptedStyleSheets', {
      configurable: true,
      get(this: object) {
        let list = sheets.get(this);
        if (!list) {
          list = [];
          sheets.set(this, list);
        }
        return list;
      },
      set(this: object, value: CSSStyleSheet[]) {
        sheets.set(this, [...value]);
      },
    });
  }
}

// jsdom's ElementInternals has no form-association API; the GCDS form controls (form-associated
// custom elements) report their value and validity through it on every keystroke.
if (typeof ElementInternals !== 'undefined' && !('setFormValue' in ElementInternals.prototype)) {
  const validity = new WeakMap<object, { valid: boolean; message: string }>();
  Object.assign(ElementInternals.prototype, {
    setFormValue() {},
    setValidity(this: object, flags: ValidityStateFlags = {}, message = '') {
      validity.set(this, { valid: !Object.values(flags).some(Boolean), message });
    },
    checkValidity(this: object) {
      return validity.get(this)?.valid ?? true;
    },
    reportValidity(this: object) {
      return validity.get(this)?.valid ?? true;
    },
  });
  Object.defineProperties(ElementInternals.prototype, {
    validity: {
      configurable: true,
      get(this: object) {
        const valid = validity.get(this)?.valid ?? true;
        return { valid, valueMissing: false } as ValidityState;
      },
    },
    validationMessage: {
      configurable: true,
      get(this: object) {
        return validity.get(this)?.message ?? '';
      },
    },
    form: { configurable: true, get: () => null },
  });
}

// jsdom has <dialog> without its methods; the inactivity dialog opens one as a modal.
if (typeof HTMLDialogElement !== 'undefined' && !('showModal' in HTMLDialogElement.prototype)) {
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    },
    show(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    },
    close(this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    },
  });
}

// jsdom does not scroll; react-router's ScrollRestoration calls this on every navigation.
if (typeof window !== 'undefined') window.scrollTo = () => undefined;

// Testing Library only cleans up by itself when vitest globals are on; they are off here.
afterEach(() => {
  cleanup();
});

// Preact (its debug build, imported above) reports two siblings with one key through console.error and
// then keeps going: it may leave the old child on screen beside the new one (an old account's balance
// above the new one's; a second search form). No page may do that, so a test that renders one fails
// instead of passing with a warning.
// The files of a worker share one module registry and one jsdom (vite.config.ts, docs/decisions/0064), and
// this file runs again for each: the console is wrapped once, and its list kept on the wrapper.
type KeyWatchingConsoleError = typeof console.error & { duplicateKeys?: string[] };
const currentConsoleError = console.error as KeyWatchingConsoleError;
const duplicateKeys: string[] = currentConsoleError.duplicateKeys ?? [];
if (!currentConsoleError.duplicateKeys) {
  const debugConsoleError = console.error.bind(console);
  const keyWatchingConsoleError: KeyWatchingConsoleError = (...args: unknown[]) => {
    const key = duplicateKeyIn(args[0]);
    if (key !== undefined) duplicateKeys.push(key);
    debugConsoleError(...args);
  };
  keyWatchingConsoleError.duplicateKeys = duplicateKeys;
  console.error = keyWatchingConsoleError;
}
afterEach(() => {
  const found = duplicateKeys.splice(0);
  if (found.length > 0) throw new Error(`Preact rendered siblings with the same key: ${found.join(', ')}`);
});
// The app loads each page's translations when the router opens it (lib/i18n.ts); components rendered on
// their own in a spec find every namespace of both languages already there.
if (typeof document !== 'undefined') {
  const { loadCatalogs, namespaces } = await import('../lib/i18n');
  await Promise.all([loadCatalogs('en', namespaces), loadCatalogs('fr', namespaces)]);
}

// The files of a worker share its jsdom and its modules (`isolate: false`, docs/decisions/0064): each file
// leaves them as a fresh window would be, for the next one. The GCDS elements stay defined (a window
// defines each once) and the libraries keep their state, which no spec sets.
afterAll(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  if (typeof document === 'undefined') return;
  document.body.replaceChildren();
  // Focus as a page's load leaves it, on the body (`activeElement` is null while the element last focused
  // is out of the document): through an element of its own, focused and left.
  const focusHolder = document.body.appendChild(document.createElement('input'));
  focusHolder.focus();
  focusHolder.blur();
  focusHolder.remove();
  document.title = '';
  document.documentElement.removeAttribute('lang');
  window.history.replaceState(null, '', '/');
  window.localStorage.clear();
  window.sessionStorage.clear();
  const { resetForNextSpecFile } = await import('../app/reset-between-spec-files');
  await resetForNextSpecFile();
});
