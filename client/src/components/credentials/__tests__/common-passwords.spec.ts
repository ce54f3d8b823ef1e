import { commonPasswordsLoaded, passwordProblems } from '@rules/credential-rules';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCommonPasswords } from '../common-passwords';

describe('the common-password list in the browser', () => {
  it('is not in the main bundle: fetched when a new-password field shows, then the local check refuses', async () => {
    expect(commonPasswordsLoaded()).toBe(false);
    expect(passwordProblems('Summer2025')).toEqual([]);
    renderHook(() => useCommonPasswords());
    await waitFor(() => expect(commonPasswordsLoaded()).toBe(true));
    expect(passwordProblems('Summer2025')).toEqual(['COMMON_PASSWORD']);
    expect(passwordProblems('sUMMER2025')).toEqual(['COMMON_PASSWORD']);
    expect(passwordProblems('Xk7pQ2vz')).toEqual([]);
  });
});
