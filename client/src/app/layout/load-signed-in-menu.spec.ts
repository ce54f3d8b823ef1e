import { describe, expect, it } from 'vitest';
import { InactivityDialog } from '../../components/session/inactivity-dialog';
import { loadedInactivityDialog, loadedSignedInMenu, loadSignedInMenu } from './load-signed-in-menu';
import { SignedInMenu } from './signed-in-menu';

describe('the signed-in menu in a chunk of its own', () => {
  it('is not there before it is loaded, then renders without waiting (the signed-in routes await it)', async () => {
    expect(loadedSignedInMenu()).toBeUndefined();
    expect(loadedInactivityDialog()).toBeUndefined();
    await expect(loadSignedInMenu()).resolves.toBe(SignedInMenu);
    // The frame reads it synchronously: a page behind sign-in and its menu render in the same pass.
    expect(loadedSignedInMenu()).toBe(SignedInMenu);
    // The inactivity dialog comes in the same chunk: a visitor loads neither (docs/decisions/0050).
    expect(loadedInactivityDialog()).toBe(InactivityDialog);
  });
});
