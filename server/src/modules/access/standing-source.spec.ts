import { type DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { ActorKind, type Standing } from '../../common/auth/access-table.js';
import { type RequestSession } from '../sessions/request-session.js';
import { createStandingSource } from './standing-source.js';

// A token's caller: its own business is answered from the token itself, without a statement (no database).
const session = {
  current: { user: { id: 'creator', role: 'PERSON' } },
  apiToken: { token: { businessId: 'broker', scope: 'READ' }, clientGroupIds: [] },
} as unknown as RequestSession;
const noDatabase = {} as DataSource;
const other: Standing = { grants: [{ kind: ActorKind.READER, scope: 'ALL', mayEdit: false }] };

describe('the standing source: what `settled` answers (decision 0059)', () => {
  it('answers what the loader answered, once it has; forget() clears it with the loader', async () => {
    const access = createStandingSource(noDatabase, session);
    const loading = access.standing('broker');
    expect(access.settled('broker')).toBeUndefined();
    const standing = await loading;
    expect(access.settled('broker')).toBe(standing);
    expect(standing.grants.map((grant) => grant.kind)).toEqual([ActorKind.BUSINESS_ACCOUNT_MANAGER]);
    access.forget();
    expect(access.settled('broker')).toBeUndefined();
  });

  it('takes a prime as the loader does: not for a business already asked', async () => {
    const access = createStandingSource(noDatabase, session);
    access.prime('client', other);
    expect(access.settled('client')).toBe(other);
    await expect(access.standing('client')).resolves.toBe(other);
    const asked = access.standing('broker');
    access.prime('broker', other);
    expect(access.settled('broker')).toBeUndefined();
    await expect(asked).resolves.not.toBe(other);
    expect(access.settled('broker')).toBe(await asked);
  });

  it('settles nothing from a load that a forget() overtook', async () => {
    const access = createStandingSource(noDatabase, session);
    const stale = access.standing('broker');
    access.forget();
    await stale;
    expect(access.settled('broker')).toBeUndefined();
  });
});
