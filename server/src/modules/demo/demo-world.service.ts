import { randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { inTransaction } from '../../common/database/transactions.js';
import { type Problem } from '../../common/errors/problems.js';
import { grantMembership } from '../businesses/access-requests.service.js';
import { approveClaim, fileClaim, submitClaim, takeClaim } from '../claims/claims.service.js';
import { ClaimType, CorrectionKind } from '../claims/claims.types.js';
import { registryBusinessByNumber } from '../businesses/activation-keys.service.js';
import { registerBusiness } from '../businesses/registration.service.js';
import { BusinessRole } from '../businesses/businesses.types.js';
import {
  addClientsToGroup,
  assignEmployeeToGroup,
  createClientGroup,
} from '../client-groups/client-groups.service.js';
import { registerLocalCredential } from '../credentials/credentials.service.js';
import { writeNotices } from '../notices/notice-writer.js';
import { NoticeType } from '../notices/notices.types.js';
import { createOfficer } from '../officers/officers.service.js';
import { savePersonalProfile } from '../profiles/profile.service.js';
import { seedDemoReferenceDataIfEmpty } from '../registry/reference-data.service.js';
import { programAccountIdsByNumber, transactionByNumber } from '../registry/registry-lookups.service.js';
import { decideRelationship, requestRelationships } from '../relationships/relationships.service.js';
import { RelationshipType } from '../relationships/relationships.types.js';
import { requestRuling } from '../rulings/rulings.service.js';
import { RulingType } from '../rulings/rulings.types.js';
import { findLocalUser } from '../users/users.service.js';
import { DemoPersona } from './demo.types.js';

// The demo anyone can try (issue 14; decision 0037): four prepared people, each with a world already in
// place, built through the modules' services as a person would build it (no SQL of its own), on the demo
// reference data (reference-data/demo.json). Nobody knows their passwords (random, thrown away): they sign
// in with one click on the landing page while the demo is on (`config.demo`).

/**
 * Each persona's username. The officer is created before the claims (it decides one), the last steps: its
 * presence means the world was seeded (a seed that stopped half-way is not resumed, decision 0037).
 */
export const demoUsernames: Readonly<Record<DemoPersona, string>> = {
  [DemoPersona.IMPORTER_BAM]: 'DemoImporter',
  [DemoPersona.BROKER_BAM]: 'DemoBroker',
  [DemoPersona.BROKER_EMPLOYEE]: 'DemoBrokerStaff',
  [DemoPersona.OFFICER]: 'DemoOfficer',
};

/** The demo reference data's businesses the world uses. */
// None of them is used by the browser journeys, which register businesses of their own on the same data.
const BN = { importer: '422262311', secondClient: '490132677', broker: '504853193' } as const;

const people = {
  [DemoPersona.IMPORTER_BAM]: { firstName: 'Alexandra', lastName: 'Whitfield', lang: 'en' },
  [DemoPersona.BROKER_BAM]: { firstName: 'Bruno', lastName: 'Lafleur', lang: 'fr' },
  [DemoPersona.BROKER_EMPLOYEE]: { firstName: 'Émile', lastName: 'Gagnon', lang: 'fr' },
} as const;

function must<R extends { ok: true } | { ok: false; problems: Problem[] }>(
  result: R,
  what: string,
): Extract<R, { ok: true }> {
  if (!result.ok) throw new Error(`demo seed: ${what}: ${result.problems.map((p) => p.code).join(', ')}`);
  return result as Extract<R, { ok: true }>;
}

function randomPassword(): string {
  // Meets the password rules (letters of both cases, digits, punctuation) and is never shown.
  return `Qz!${randomBytes(5).toString('hex')}7K`;
}

async function person(dataSource: DataSource, config: AppConfig, persona: keyof typeof people) {
  const password = randomPassword();
  const client = { ipAddress: null, userAgent: 'demo:seed' };
  const created = must(
    await registerLocalCredential(
      dataSource,
      config,
      {
        acceptTerms: true,
        username: demoUsernames[persona],
        password,
        passwordConfirmation: password,
        recovery: {
          questionId: 'first-pet',
          answer: `Pet ${randomBytes(6).toString('hex')}`,
          memorablePerson: `Aunt ${randomBytes(6).toString('hex')}`,
          memorablePersonHint: 'An aunt',
          memorableDate: '1985-07-14',
          memorableDateHint: 'A summer',
        },
      },
      client,
    ),
    `credential ${persona}`,
  );
  const userId = created.value.session.userId;
  const { firstName, lastName, lang } = people[persona];
  must(
    await savePersonalProfile(
      dataSource,
      config,
      userId,
      {
        firstName,
        lastName,
        phone: '613-555-0101',
        email: `${demoUsernames[persona].toLowerCase()}@example.ca`,
        emailConfirmation: `${demoUsernames[persona].toLowerCase()}@example.ca`,
        receiveNoticeEmails: false,
        acceptNoticeTerms: true,
        preferredLanguage: lang,
      },
      client,
    ),
    `profile ${persona}`,
  );
  return userId;
}

async function register(dataSource: DataSource, config: AppConfig, bn: string, userId: string) {
  const registry = await registryBusinessByNumber(dataSource, bn, ['businessNumber']);
  if (!('id' in registry)) throw new Error(`demo seed: business ${bn} is not in the registry`);
  return inTransaction(dataSource, (manager) =>
    registerBusiness(manager, registry.id, userId, config.now(), 'QUESTIONS'),
  );
}

/**
 * Builds the demo world once: the demo reference data if the registry is empty; an importer's BAM (two
 * businesses), a customs broker's BAM and employee, an officer; the broker's relationships with both
 * importers (business management, and program management of one account), a client group with the
 * employee assigned, notices, a ruling request and the importer's claims (one approved, its repayment
 * payable; one submitted). Does nothing when the officer persona exists (answers
 * false). Throws when a step is refused (the demo data is not the expected one).
 */
export async function seedDemoWorld(dataSource: DataSource, config: AppConfig): Promise<boolean> {
  if (await findLocalUser(dataSource, demoUsernames[DemoPersona.OFFICER])) return false;
  await seedDemoReferenceDataIfEmpty(dataSource, config.now());
  const now = () => config.now();

  const importer = await person(dataSource, config, DemoPersona.IMPORTER_BAM);
  const broker = await person(dataSource, config, DemoPersona.BROKER_BAM);
  const staff = await person(dataSource, config, DemoPersona.BROKER_EMPLOYEE);
  const northern = await register(dataSource, config, BN.importer, importer);
  await register(dataSource, config, BN.secondClient, importer);
  const maple = await register(dataSource, config, BN.broker, broker);
  await inTransaction(dataSource, (manager) =>
    grantMembership(manager, maple.id, staff, BusinessRole.EDITOR, [], broker, now()),
  );

  const accounts = await programAccountIdsByNumber(dataSource.manager, [
    `${BN.importer}RM0001`,
    `${BN.secondClient}RM0001`,
  ]);
  const asked = await requestRelationships(dataSource, config, broker, {
    providerBusinessId: maple.id,
    clientBusinessNumbers: [BN.importer, BN.secondClient],
    message: 'Border City Customs Brokers would like to manage your imports.',
  });
  if (!asked.ok) throw new Error('demo seed: relationship requests refused');
  for (const [i, { result }] of asked.results.entries()) {
    const relationship = must(result, 'relationship request').relationship;
    must(
      await decideRelationship(dataSource, config, importer, {
        relationshipId: relationship.id,
        approve: true,
        type: i === 0 ? RelationshipType.BUSINESS_MANAGEMENT : RelationshipType.PROGRAM_MANAGEMENT,
        programAccountIds: i === 0 ? null : [accounts.get(`${BN.secondClient}RM0001`)!],
      }),
      'relationship decision',
    );
  }

  const group = must(
    await createClientGroup(dataSource, config, broker, {
      providerBusinessId: maple.id,
      name: 'Priority clients',
    }),
    'client group',
  ).group;
  must(
    await addClientsToGroup(dataSource, config, broker, {
      groupId: group.id,
      clientBusinessIds: [northern.id],
    }),
    'group clients',
  );
  must(
    await assignEmployeeToGroup(dataSource, config, broker, { groupId: group.id, userId: staff }),
    'assignment',
  );

  must(
    await requestRuling(dataSource, config, importer, {
      programAccountId: accounts.get(`${BN.importer}RM0001`)!,
      type: RulingType.TARIFF_CLASSIFICATION,
      goodsDescription: 'Insulated stainless steel water bottles, 750 ml.',
      tariffClassification: '9617.00.00.00',
      questions: 'Do these bottles fall under heading 96.17 as vacuum flasks?',
    }),
    'ruling request',
  );

  await inTransaction(dataSource, (manager) =>
    writeNotices(
      manager,
      [northern, maple].map((business) => ({
        type: NoticeType.GENERAL,
        businessId: business.id,
        accountNumber: business.businessNumber,
        recipientName:
          business.businessNumber === BN.broker
            ? 'Border City Customs Brokers Ltd.'
            : 'Prairie Harvest Foods Inc.',
        subject: { en: 'Welcome to the Passerelle demo', fr: 'Bienvenue dans la démo de Passerelle' },
        body: {
          en: 'This business was prepared for the demo. Everything you change stays in this demo database.',
          fr: 'Cette entreprise a été préparée pour la démo. Ce que vous changez reste dans cette base de démo.',
        },
        sourceKey: `demo:welcome:${business.id}`,
      })),
      now(),
    ),
  );

  const officer = must(
    await createOfficer(dataSource, config, {
      username: demoUsernames[DemoPersona.OFFICER],
      password: randomPassword(),
    }),
    'officer',
  ).user.id;
  await seedClaims(dataSource, config, importer, officer, accounts.get(`${BN.importer}RM0001`)!);
  return true;
}

/** The importer's paid declaration whose claim was approved, and its posted one whose claim awaits review. */
const CLAIMED = { approved: '16520838251857', submitted: '16419098938801' } as const;

/**
 * The importer's claims (decision 0037): one approved in full by the officer, its repayment payable, and
 * one submitted, in the agency's queue. Both adjustments of a classification on line 1 of the declaration.
 */
async function seedClaims(
  dataSource: DataSource,
  config: AppConfig,
  importer: string,
  officer: string,
  programAccountId: string,
) {
  const file = async (transactionNumber: string, originalCents: number, correctedCents: number) => {
    const transaction = await transactionByNumber(dataSource.manager, programAccountId, transactionNumber);
    if (!transaction) throw new Error(`demo seed: transaction ${transactionNumber} is not in the registry`);
    const { claim } = must(
      await fileClaim(
        dataSource,
        config,
        importer,
        {
          transactionId: transaction.id,
          type: ClaimType.ADJUSTMENT,
          correctionKind: CorrectionKind.CLASSIFICATION,
          reason:
            'The goods were classified as vacuum flasks; they are plain insulated bottles of a lower rate.',
          lines: [{ lineNumber: 1, originalCents, correctedCents }],
        },
        'en',
      ),
      `claim on ${transactionNumber}`,
    );
    must(
      await submitClaim(dataSource, config, importer, { claimId: claim.id, attestation: true }, 'en'),
      `claim submission on ${transactionNumber}`,
    );
    return claim.id;
  };
  const approved = await file(CLAIMED.approved, 113_830, 91_064);
  must(await takeClaim(dataSource, config, officer, approved, 'en'), 'claim review');
  must(await approveClaim(dataSource, config, officer, { claimId: approved }, 'en'), 'claim approval');
  await file(CLAIMED.submitted, 500_000, 450_000);
}
