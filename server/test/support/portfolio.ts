import { expect } from 'vitest';
import { inTransaction } from '../../src/common/database/transactions.js';
import { registerBusiness } from '../../src/modules/businesses/registration.service.js';
import { postNotice } from '../../src/modules/notices/notices.service.js';
import { NoticeAudience, NoticeProgramType } from '../../src/modules/notices/notices.types.js';
import { RegistryProgramAccount } from '../../src/modules/registry/program-account.entity.js';
import {
  importReferenceData,
  loadDemoReferenceData,
  validateReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { RegistryBusiness } from '../../src/modules/registry/registry-business.entity.js';
import {
  BULK_REQUEST_MAX,
  decideRelationship,
  requestRelationships,
} from '../../src/modules/relationships/relationships.service.js';
import { RelationshipType } from '../../src/modules/relationships/relationships.types.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { tokenSecret } from './api-tokens.js';
import { seedUser } from './identity.js';
import { BN, person, registerDirectly, type Person } from './relationships.js';
import { type TestApp } from './test-app.js';

// A broker with many clients, built through the project's own services (reference data import, registration,
// relationship requests and decisions, an officer's notice), for the statement-count test and the benchmark.
// Half the clients are under business management, half under program management of their one account.

export interface Portfolio {
  /** The broker's BAM, signed in. */
  broker: Person;
  brokerBusinessId: string;
  /** The clients' BAM (one person for every client: only the relationships matter here). */
  clientBamId: string;
  officerId: string;
  /** A READ token of the broker, every client. */
  secret: string;
  /** Client business ids, in the order they were accepted. */
  clients: string[];
}

/** Registry BNs of the generated clients: 69xxxxxxx, none of them in the demo file. */
const clientBn = (index: number) => String(690_000_000 + index);

/** A minimal importer for the registry: one address, one IMPORTER account (RM0001). */
function importer(index: number) {
  const businessNumber = clientBn(index);
  const address = { type: 'PHYSICAL', line1: `${index} Scale Street`, city: 'Ottawa', country: 'CA' };
  return {
    businessNumber,
    legalName: `Scale Client ${index} Inc.`,
    businessType: 'CORPORATION',
    soleProprietor: false,
    serviceProvider: false,
    addresses: [address],
    programAccounts: [
      {
        accountNumber: `${businessNumber}RM0001`,
        programType: 'IMPORTER',
        name: `Scale Client ${index}`,
        billingType: 'DAILY_NOTICE',
        addresses: [address],
      },
    ],
  };
}

/** The demo registry plus `capacity` generated importers; the broker (Maple Leaf) and its READ token. */
export async function startPortfolio(t: TestApp, capacity: number): Promise<Portfolio> {
  const demo = await loadDemoReferenceData();
  const taken = new Set(demo.businesses.map((b) => b.businessNumber));
  for (let i = 1; i <= capacity; i += 1) expect(taken.has(clientBn(i))).toBe(false);
  const generated = validateReferenceData({
    formatVersion: 1,
    businesses: Array.from({ length: capacity }, (_, i) => importer(i + 1)),
  });
  if (!generated.ok) throw new Error(JSON.stringify(generated.problems.slice(0, 3)));
  await importReferenceData(t.dataSource, demo);
  await importReferenceData(t.dataSource, generated.data);
  const broker = await person(t, 'ScaleBroker1', 'Bruno', 'Broker');
  const brokerBusinessId = await registerDirectly(t, BN.MAPLE, broker.userId);
  const clientBam = await seedUser(t.dataSource, 'ScaleClient1');
  const officer = await seedUser(t.dataSource, 'ScaleOfficer1', PersonRole.OFFICER);
  const { secret } = await tokenSecret(broker.client, { businessId: brokerBusinessId, scope: 'READ' });
  return {
    broker,
    brokerBusinessId,
    clientBamId: clientBam.id,
    officerId: officer.id,
    secret,
    clients: [],
  };
}

/**
 * Grows the portfolio to `total` accepted clients: registers the next importers (one transaction), the broker
 * asks them in bulk (BULK_REQUEST_MAX at a time), the clients accept (even: business management, odd: program
 * management of RM0001), and an officer posts a notice to every importer account (a client notice the broker
 * may read).
 */
export async function growPortfolio(t: TestApp, portfolio: Portfolio, total: number): Promise<void> {
  const from = portfolio.clients.length + 1;
  const numbers = Array.from({ length: total - from + 1 }, (_, i) => clientBn(from + i));
  const registries = await t.dataSource.getRepository(RegistryBusiness).find({
    select: { id: true, businessNumber: true },
    where: numbers.map((businessNumber) => ({ businessNumber })),
  });
  const registryOf = new Map(registries.map((r) => [r.businessNumber, r.id]));
  await inTransaction(t.dataSource, async (manager) => {
    for (const bn of numbers)
      await registerBusiness(manager, registryOf.get(bn)!, portfolio.clientBamId, new Date(), 'QUESTIONS');
  });
  const accounts = await t.dataSource.getRepository(RegistryProgramAccount).find({
    select: { id: true, businessId: true },
    where: [...registryOf.values()].map((businessId) => ({ businessId })),
  });
  const accountOf = new Map(accounts.map((a) => [a.businessId, a.id]));
  for (let i = 0; i < numbers.length; i += BULK_REQUEST_MAX) {
    const chunk = numbers.slice(i, i + BULK_REQUEST_MAX);
    const asked = await requestRelationships(t.dataSource, t.config, portfolio.broker.userId, {
      providerBusinessId: portfolio.brokerBusinessId,
      clientBusinessNumbers: chunk,
    });
    if (!asked.ok) throw new Error(JSON.stringify(asked.problems));
    for (const { businessNumber, result } of asked.results) {
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const index = Number(businessNumber) - 690_000_000;
      const programManagement = index % 2 === 1;
      const decided = await decideRelationship(t.dataSource, t.config, portfolio.clientBamId, {
        relationshipId: result.relationship.id,
        approve: true,
        type: programManagement ? RelationshipType.PROGRAM_MANAGEMENT : RelationshipType.BUSINESS_MANAGEMENT,
        programAccountIds: programManagement ? [accountOf.get(registryOf.get(businessNumber)!)!] : null,
      });
      if (!decided.ok) throw new Error(JSON.stringify(decided.problems));
      portfolio.clients.push(result.relationship.clientBusinessId);
    }
  }
  const posted = await postNotice(
    t.dataSource,
    portfolio.officerId,
    {
      audience: NoticeAudience.PROGRAM_TYPE,
      programType: NoticeProgramType.IMPORTER,
      urgent: false,
      subjectEn: `Tariff update for ${total} importers`,
      subjectFr: `Mise à jour tarifaire pour ${total} importateurs`,
      bodyEn: 'The tariff changes on the first of the month.',
      bodyFr: 'Le tarif change le premier du mois.',
    },
    new Date(),
  );
  if (!posted.ok) throw new Error(JSON.stringify(posted.problems));
}
