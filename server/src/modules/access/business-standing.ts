import { type DataSource } from 'typeorm';
import { ActorKind, type Standing } from '../../common/auth/access-table.js';
import { queryNamed } from '../../common/database/named-sql.js';
import { loadStandingRows, standingsFromRows } from './standing-source.js';

/**
 * A business's system (a webhook endpoint or the changes feed, decision 0028) as the access table sees it:
 * it acts as the person who set it up, like an API token, limited to some client groups or not.
 */
export interface SystemAudience {
  businessId: string;
  /** The BAM who registered the endpoint or created the token. */
  createdBy: string;
  /** Only the clients of these client groups (none: every client the business reaches). */
  clientGroupIds: readonly string[];
}

/**
 * The standings of a business's system toward `businessIds`, decided now: toward its own business the
 * standing of a BAM while its creator is still one; toward a client the standing its accepted relationship
 * gives (business management, or program management over the named accounts), through the same rows as a
 * token's (standing-source.ts). A relationship that ended, or a client outside the groups, gives nothing.
 * Two statements whatever the number of businesses.
 */
export async function systemStandings(
  dataSource: DataSource,
  audience: SystemAudience,
  businessIds: readonly string[],
): Promise<Map<string, Standing>> {
  const unique = [...new Set(businessIds)];
  const out = new Map<string, Standing>(unique.map((id) => [id, { grants: [] }]));
  if (unique.length === 0) return out;
  const others = unique.filter((id) => id !== audience.businessId);
  if (others.length) {
    const rows = await loadStandingRows(
      dataSource,
      {
        userId: audience.createdBy,
        token: { businessId: audience.businessId, clientGroupIds: audience.clientGroupIds, scope: 'READ' },
      },
      others,
    );
    for (const [id, grants] of standingsFromRows(rows, 'READ')) out.set(id, { grants });
  }
  if (unique.includes(audience.businessId)) {
    const bam = await queryNamed<Array<{ n: number }>>(
      dataSource,
      'SELECT COUNT(*) AS n FROM business_membership WHERE business_id = :businessId AND user_id = :userId' +
        " AND status = 'ACTIVE' AND role = 'BUSINESS_ACCOUNT_MANAGER'",
      { businessId: audience.businessId, userId: audience.createdBy },
    );
    if (Number(bam[0]?.n ?? 0) > 0)
      out.set(audience.businessId, {
        grants: [{ kind: ActorKind.BUSINESS_ACCOUNT_MANAGER, scope: 'ALL', mayEdit: false }],
      });
  }
  return out;
}
