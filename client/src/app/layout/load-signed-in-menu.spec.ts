import { describe, expect, it } from 'vitest';
import { loadedInactivityDialog, loadedSignedInMenu, loadSignedInMenu } from './load-signed-in-menu';

describe('the signed-in menu in a chunk of its own', () => {
  it('is not there before it is loaded, then renders without waiting (the signed-in routes await it)', async () => {
    expect(loadedSignedInMenu()).toBeUndefined();
    expect(loadedInactivityDialog()).toBeUndefined();
    const menu = await loadSignedInMenu();
    // Under Apollo Client, which comes in its own chunk with the menu's (docs/decisions/0061).
    expect(menu.displayName).toBe('WithApollo(SignedInMenu)');
    // The frame reads it synchronously: a page behind sign-in and its menu render in the same pass.
    expect(loadedSignedInMenu()).toBe(menu);
    // The inactivity dialog comes in the same chunk: a visitor loads neither (docs/decisions/0050).
    expect(loadedInactivityDialog()?.displayName).toBe('WithApollo(InactivityDialog)');
  });
});
