import { type ComponentType } from 'react';

let loaded: ComponentType | undefined;

/**
 * The signed-in menu's module (the header's who, links, bell, business switcher and sign-out), in a
 * chunk of its own that a visitor never loads (docs/decisions/0036). Loaded once; the signed-in routes'
 * loader awaits it (router.tsx) so that their pages and the menu render together.
 */
export async function loadSignedInMenu(): Promise<ComponentType> {
  loaded ??= (await import('./signed-in-menu')).SignedInMenu;
  return loaded;
}

/** The menu's component once loaded, to render it without waiting; undefined before. */
export function loadedSignedInMenu(): ComponentType | undefined {
  return loaded;
}
