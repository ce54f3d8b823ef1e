import { type ComponentType } from 'react';
import { loadApollo } from '../../lib/apollo-loader';

interface SignedInParts {
  menu: ComponentType;
  inactivityDialog: ComponentType;
}

let loaded: SignedInParts | undefined;

/**
 * The signed-in menu's module (the header's who, links, bell, business switcher and sign-out) and the
 * inactivity dialog, in a chunk of their own that a visitor never loads (docs/decisions/0036, 0050).
 * Loaded once; the signed-in routes' loader awaits it (router.tsx) so that their pages and the menu
 * render together.
 */
export async function loadSignedInMenu(): Promise<ComponentType> {
  const [module, apollo] = await Promise.all([import('./signed-in-menu'), loadApollo()]);
  // Both render in the frame, outside any page: under Apollo Client of their own (docs/decisions/0061).
  loaded ??= {
    menu: apollo.withApollo(module.SignedInMenu),
    inactivityDialog: apollo.withApollo(module.InactivityDialog),
  };
  return loaded.menu;
}

/** The menu's component once loaded, to render it without waiting; undefined before. */
export function loadedSignedInMenu(): ComponentType | undefined {
  return loaded?.menu;
}

/** The inactivity dialog, loaded with the menu (a visitor has no session to time out). */
export function loadedInactivityDialog(): ComponentType | undefined {
  return loaded?.inactivityDialog;
}

/** The specs of one worker share this module: each file starts with the menu not loaded (src/test/setup.ts). */
export function forgetSignedInMenuForTests(): void {
  loaded = undefined;
}
