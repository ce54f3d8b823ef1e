import { describe, expect, it } from 'vitest';
import { accessTable, AccessArea, ActorKind } from '../../common/auth/access-table.js';
import { clientNoticeAreas } from './notices.service.js';

// The notices of a provider's clients and of an officer's businesses are chosen in SQL; which areas that SQL
// reads comes from the access table, and a table the SQL cannot express is refused at startup.
describe('the areas of the notices a provider or officer reads of a client', () => {
  it('are those of the access table: notices, messages and claims for providers; more for officers', () => {
    expect(clientNoticeAreas()).toEqual({
      provider: [AccessArea.NOTICES, AccessArea.MESSAGES, AccessArea.REQUESTS_AND_TRANSACTIONS],
      officer: [
        AccessArea.NOTICES,
        AccessArea.COLLECTIONS_NOTICES,
        AccessArea.MESSAGES,
        AccessArea.CORRESPONDENCE,
        AccessArea.REQUESTS_AND_TRANSACTIONS,
      ],
    });
  });

  /** The table with one cell's VIEW rule changed. */
  function withView(area: AccessArea, kind: ActorKind, view: 'ALLOWED' | 'IN_SCOPE' | 'DENIED') {
    return {
      ...accessTable,
      [area]: { ...accessTable[area], [kind]: { ...accessTable[area][kind], VIEW: view } },
    } as typeof accessTable;
  }

  it('follow a change of the table', () => {
    const collections = withView(AccessArea.COLLECTIONS_NOTICES, ActorKind.BUSINESS_MANAGEMENT, 'ALLOWED');
    const merged = {
      ...collections,
      COLLECTIONS_NOTICES: {
        ...collections.COLLECTIONS_NOTICES,
        PROGRAM_MANAGEMENT: { VIEW: 'IN_SCOPE', EDIT: 'DENIED' },
      },
    } as typeof accessTable;
    expect(clientNoticeAreas(merged).provider).toEqual([
      AccessArea.NOTICES,
      AccessArea.COLLECTIONS_NOTICES,
      AccessArea.MESSAGES,
      AccessArea.REQUESTS_AND_TRANSACTIONS,
    ]);
    expect(
      clientNoticeAreas(withView(AccessArea.COLLECTIONS_NOTICES, ActorKind.AGENCY_OFFICER, 'DENIED')).officer,
    ).toEqual([
      AccessArea.NOTICES,
      AccessArea.MESSAGES,
      AccessArea.CORRESPONDENCE,
      AccessArea.REQUESTS_AND_TRANSACTIONS,
    ]);
  });

  it('refuse a table the SQL cannot express rather than show what it forbids', () => {
    // Program management denied an area business management reads: the branch would show it to both.
    expect(() =>
      clientNoticeAreas(withView(AccessArea.COLLECTIONS_NOTICES, ActorKind.BUSINESS_MANAGEMENT, 'ALLOWED')),
    ).toThrow(/COLLECTIONS_NOTICES/);
    expect(() =>
      clientNoticeAreas(withView(AccessArea.NOTICES, ActorKind.AGENCY_OFFICER, 'IN_SCOPE')),
    ).toThrow(/NOTICES/);
  });
});
