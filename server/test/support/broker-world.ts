import { inTransaction } from '../../src/common/database/transactions.js';
import { timeOrderedId } from '../../src/common/database/time-ordered-id.js';
import { ApiTokenScope, createApiToken } from '../../src/modules/api-tokens/api-tokens.service.js';
import { registerBusiness } from '../../src/modules/businesses/registration.service.js';
import { type NoticeDraft, writeNotices } from '../../src/modules/notices/notice-writer.js';
import { NoticeType } from '../../src/modules/notices/notices.types.js';
import { RegistryProgramAccount } from '../../src/modules/registry/program-account.entity.js';
import {
  importReferenceData,
  validateReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { RegistryBusiness } from '../../src/modules/registry/registry-business.entity.js';
import {
  BULK_REQUEST_MAX,
  decideRelationship,
  requestRelationships,
} from '../../src/modules/relationships/relationships.service.js';
import { RelationshipType } from '../../src/modules/relationships/relationships.types.js';
import { seedUser } from './identity.js';
import { type TestApp } from './test-app.js';

// A customs broker's portfolio, built the way production builds it: the registry through the importer (one
// validated file), businesses registered, relationships requested by the broker and accepted by each client
// through the relationships service, the broker's API token through its service, and notices through the
// notice writer. Used by the portfolio benchmark (bench/portfolio.bench.ts) and, built once per test run and
// copied, by the cost budget and bulk export tests (support/world-templates.ts).

/** The broker's business number; clients are 81xxxxxxx. */
export const BROKER_BN = '800000008';

/**
 * The portfolio query of a broker system: a page of clients with their program accounts in scope, and a page
 * of notices (every field here is one a broker's system reads; docs/api.md).
 */
export const PORTFOLIO_QUERY = `query Portfolio($after: String, $noticesAfter: String) {
  viewerBusiness {
    clients(first: 100, after: $after) {
      edges { node { id type since client { businessNumber name } programAccounts { accountNumber name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
  notices(first: 100, after: $noticesAfter) {
    edges { node { id displayDate type subject urgent accountNumber businessId } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface Portfolio {
  brokerBusinessId: string;
  brokerUserId: string;
  /** The broker's API token (READ). */
  secret: string;
  clients: number;
}

const address = {
  type: 'PHYSICAL',
  line1: '1 Harbour Road',
  city: 'Halifax',
  provinceState: 'NS',
  postalCode: 'B3H 1A1',
  country: 'CA',
};

/** Client i's business number. */
export const clientBn = (i: number) => `81${String(i).padStart(7, '0')}`;

/** The registry file: the broker (an RM account of type CUSTOMS_BROKER) and `clients` importers with 2 RM accounts each. */
function registryFile(clients: number) {
  const account = (bn: string, n: number, programType: string, name: string) => ({
    accountNumber: `${bn}RM000${n}`,
    programType,
    name,
    billingType: n === 1 ? 'DAILY_NOTICE' : 'MONTHLY_STATEMENT',
    addresses: [address],
  });
  return {
    formatVersion: 1,
    businesses: [
      {
        businessNumber: BROKER_BN,
        legalName: 'Portfolio Customs Brokers Inc.',
        businessType: 'CORPORATION',
        soleProprietor: false,
        serviceProvider: true,
        serviceProviderKind: 'CUSTOMS_BROKER',
        addresses: [address],
        programAccounts: [account(BROKER_BN, 1, 'CUSTOMS_BROKER', 'Portfolio Customs Brokers')],
      },
      ...Array.from({ length: clients }, (_, i) => {
        const bn = clientBn(i);
        return {
          businessNumber: bn,
          legalName: `Client ${i} Trading Ltd.`,
          // Every other client has an operating name: `name` is the operating name, else the legal name.
          operatingName: i % 2 ? `Client ${i}` : '',
          businessType: 'CORPORATION',
          soleProprietor: false,
          serviceProvider: false,
          addresses: [address],
          programAccounts: [
            account(bn, 1, 'IMPORTER', `Client ${i} imports`),
            account(bn, 2, 'IMPORTER', `Client ${i} second imports`),
          ],
        };
      }),
    ],
  };
}

/**
 * Builds a broker with `clients` clients: even ones under business management (both accounts in scope), odd
 * ones under program management of their first account; `noticesPerClient` notices on each client (half of
 * them on its first account) and as many on the broker. Answers the broker's token.
 */
export async function buildPortfolio(
  t: TestApp,
  clients: number,
  noticesPerClient = 2,
  log: (line: string) => void = () => {},
): Promise<Portfolio> {
  const started = performance.now();
  const step = (what: string) => log(`${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const file = validateReferenceData(registryFile(clients));
  if (!file.ok) throw new Error(file.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  await importReferenceData(t.dataSource, file.data);
  step(`imported ${clients + 1} registry businesses`);

  const broker = await seedUser(t.dataSource, 'PortfolioBroker1');
  const owner = await seedUser(t.dataSource, 'PortfolioOwner1');
  const registry = await t.dataSource.getRepository(RegistryBusiness).find();
  const registryByBn = new Map(registry.map((r) => [r.businessNumber, r.id]));
  const brokerBusiness = await inTransaction(t.dataSource, (manager) =>
    registerBusiness(manager, registryByBn.get(BROKER_BN)!, broker.id, new Date(), 'QUESTIONS'),
  );
  // The registration service runs in its caller's transaction: 100 to a transaction (one commit each on
  // MariaDB took a minute for 1,000).
  const clientBusinesses: string[] = [];
  for (let from = 0; from < clients; from += 100)
    await inTransaction(t.dataSource, async (manager) => {
      for (let i = from; i < Math.min(clients, from + 100); i += 1)
        clientBusinesses.push(
          (await registerBusiness(manager, registryByBn.get(clientBn(i))!, owner.id, new Date(), 'QUESTIONS'))
            .id,
        );
    });
  step(`registered ${clients + 1} businesses`);

  const firstAccount = new Map(
    (await t.dataSource.getRepository(RegistryProgramAccount).find())
      .filter((a) => a.accountNumber.endsWith('RM0001'))
      .map((a) => [a.accountNumber.slice(0, 9), a]),
  );
  for (let from = 0; from < clients; from += BULK_REQUEST_MAX) {
    const bns = Array.from({ length: Math.min(BULK_REQUEST_MAX, clients - from) }, (_, k) =>
      clientBn(from + k),
    );
    const asked = await requestRelationships(t.dataSource, t.config, broker.id, {
      providerBusinessId: brokerBusiness.id,
      clientBusinessNumbers: bns,
    });
    if (!asked.ok) throw new Error(JSON.stringify(asked.problems));
    for (const [k, { result }] of asked.results.entries()) {
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const i = from + k;
      const decided = await decideRelationship(t.dataSource, t.config, owner.id, {
        relationshipId: result.relationship.id,
        approve: true,
        type: i % 2 ? RelationshipType.PROGRAM_MANAGEMENT : RelationshipType.BUSINESS_MANAGEMENT,
        programAccountIds: i % 2 ? [firstAccount.get(clientBn(i))!.id] : null,
      });
      if (!decided.ok) throw new Error(JSON.stringify(decided.problems));
    }
  }
  step(`${clients} relationships requested and accepted`);

  const drafts: NoticeDraft[] = [];
  const notice = (businessId: string, accountNumber: string, programAccountId: string | null, n: number) =>
    drafts.push({
      type: programAccountId ? NoticeType.DAILY_NOTICE : NoticeType.GENERAL,
      businessId,
      programAccountId,
      accountNumber,
      recipientName: 'Portfolio',
      subject: { en: `Notice ${n}`, fr: `Avis ${n}` },
      body: { en: `Body ${n}`, fr: `Corps ${n}` },
      sourceKey: `bench:${timeOrderedId()}`,
    });
  for (let i = 0; i < clients; i += 1) {
    const account = firstAccount.get(clientBn(i))!;
    for (let n = 0; n < noticesPerClient; n += 1)
      notice(clientBusinesses[i], account.accountNumber, n % 2 ? account.id : null, n);
  }
  for (let n = 0; n < noticesPerClient; n += 1) notice(brokerBusiness.id, `${BROKER_BN}RM0001`, null, n);
  // Spread over the last 90 days, so pages cross days (the notices' keyset is the day, then the id).
  const day = 86_400_000;
  for (let from = 0; from < drafts.length; from += 500) {
    const at = new Date(t.clock.now().getTime() - ((from / 500) % 90) * day);
    await inTransaction(t.dataSource, (manager) => writeNotices(manager, drafts.slice(from, from + 500), at));
  }
  step(`${drafts.length} notices written`);

  const token = await createApiToken(t.dataSource, t.config, broker.id, {
    businessId: brokerBusiness.id,
    name: 'Portfolio system',
    scope: ApiTokenScope.READ,
    expiresInDays: 30,
  });
  if (!token.ok) throw new Error(JSON.stringify(token.problems));
  return { brokerBusinessId: brokerBusiness.id, brokerUserId: broker.id, secret: token.secret, clients };
}
