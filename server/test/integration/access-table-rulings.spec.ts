import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { getDirective } from '@graphql-tools/utils';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/app/build-schema.js';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import { CaseDocument } from '../../src/modules/documents/documents.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { RulingRequest } from '../../src/modules/rulings/rulings.entities.js';
import { drivers } from '../support/databases.js';
import {
  ACCOUNT_RULINGS,
  BUSINESS_RULINGS,
  DOCUMENT_CASE,
  download,
  filesUnder,
  REQUEST_RULING,
  requestRuling,
  RULING,
  samplePdf,
  upload,
  type RulingView,
} from '../support/documents.js';
import { type GqlClient } from '../support/gql-client.js';
import { expectForbidden, payload } from '../support/identity.js';
import {
  accountsOf,
  BN,
  establish,
  member,
  person,
  registerDirectly,
  type Person,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The REQUESTS_AND_TRANSACTIONS cells of the seed's access tables (seed 003 §3.2) for rulings and their
// documents, through the real HTTP API, set up as in access-table.spec.ts: one client (Northern Lights,
// RM0001 and RT0001); a customs broker's employee under BUSINESS management; a trade consultant's employee
// under PROGRAM management of RM0001 only. Expected answers are written from the seed:
//   business management — requests (e.g. rulings) of the client: allowed, view and edit;
//   program management — requests of the client: allowed, view and edit, for the programs named only.

describe.each(drivers)(
  'requests and transactions (rulings, documents) in the access tables on %s',
  (driver) => {
    let t: TestApp;
    let dataDir: string;
    let clientBam: Person;
    let clientReader: Person; // the client's own Reader, scope RM0001: views, never edits
    let bmBroker: Person;
    let pmBroker: Person;
    let idleBroker: Person; // the broker's employee assigned to nothing
    let clientId: string;
    let rm: string;
    let rt: string;
    let rmRuling: RulingView;
    let rtRuling: RulingView;
    let rmDocument: string;
    let rtDocument: string;

    const pdf = [{ name: 'spec.pdf', content: samplePdf() }];

    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-access-docs-'));
      t = await startTestApp(driver, { env: { DATA_DIR: dataDir } });
      await importReferenceData(t.dataSource, await loadDemoReferenceData());
      clientBam = await person(t, 'RClientBam2026', 'Alexandra', 'Whitfield');
      const brokerBam = await person(t, 'RBrokerBam2026', 'Bruno', 'Maple');
      const consultantBam = await person(t, 'RConsultBam2026', 'Chloe', 'Harbour');
      clientId = await registerDirectly(t, BN.NORTHERN, clientBam.userId);
      const brokerId = await registerDirectly(t, BN.MAPLE, brokerBam.userId);
      const consultantId = await registerDirectly(t, BN.HARBOUR, consultantBam.userId);
      ({ RM0001: rm, RT0001: rt } = await accountsOf(t, BN.NORTHERN));
      await establish(brokerBam, brokerId, clientBam, BN.NORTHERN, 'BUSINESS_MANAGEMENT');
      await establish(consultantBam, consultantId, clientBam, BN.NORTHERN, 'PROGRAM_MANAGEMENT', [rm]);
      bmBroker = await member(t, brokerId, brokerBam.userId, 'RBmBroker2026', BusinessRole.EDITOR);
      idleBroker = await member(t, brokerId, brokerBam.userId, 'RIdleBroker2026', BusinessRole.EDITOR);
      pmBroker = await member(t, consultantId, consultantBam.userId, 'RPmBroker2026', BusinessRole.EDITOR);
      const ASSIGN = `mutation($input: AssignEmployeeToClientInput!) { assignEmployeeToClient(input: $input) { userErrors { code } } }`;
      for (const [bam, providerId, who] of [
        [brokerBam, brokerId, bmBroker],
        [consultantBam, consultantId, pmBroker],
      ] as const)
        expect(
          payload<{ userErrors: unknown[] }>(
            await bam.client.gql(ASSIGN, {
              input: { providerBusinessId: providerId, userId: who.userId, clientBusinessId: clientId },
            }),
          ).userErrors,
        ).toEqual([]);
      clientReader = await member(t, clientId, clientBam.userId, 'RReader2026', BusinessRole.READER, [rm]);

      rmRuling = await requestRuling(clientBam.client, rm);
      rtRuling = await requestRuling(clientBam.client, rt);
      const up = async (caseNumber: string) => {
        const answer = await upload(t.url, clientBam.client, { category: 'OTHER', caseNumber }, pdf);
        expect(answer.status).toBe(201);
        return answer.body.documents![0].id;
      };
      rmDocument = await up(rmRuling.caseNumber);
      rtDocument = await up(rtRuling.caseNumber);
    });
    afterAll(async () => {
      await t?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const byId = async (client: GqlClient, ruling: RulingView) => client.gql(RULING, { id: ruling.id });
    const listed = async (client: GqlClient) => {
      const result = await client.gql(BUSINESS_RULINGS, { id: clientId });
      const business = result.body.data?.business as {
        rulings: { edges: Array<{ node: { caseNumber: string } }> } | null;
      } | null;
      return { result, cases: business?.rulings?.edges.map((e) => e.node.caseNumber).sort() ?? null };
    };
    const canRequest = async (client: GqlClient, programAccountId: string) => {
      const result = await client.gql(REQUEST_RULING, {
        input: {
          programAccountId,
          type: 'ORIGIN',
          goodsDescription: 'Maple syrup',
          questions: 'Does it qualify as originating under CUSMA?',
        },
      });
      return result;
    };
    const uploadStatus = async (client: GqlClient, ruling: RulingView) => {
      const rows = await t.dataSource.getRepository(CaseDocument).count();
      const stored = filesUnder(path.join(dataDir, 'documents')).length;
      const answer = await upload(t.url, client, { category: 'OTHER', caseNumber: ruling.caseNumber }, pdf);
      if (answer.status !== 201) {
        // Refused: the case is unknown to this caller, and nothing was kept.
        expect(answer.body.errors?.map((e) => e.code)).toEqual(['CASE_NOT_FOUND']);
        expect(await t.dataSource.getRepository(CaseDocument).count()).toBe(rows);
        expect(filesUnder(path.join(dataDir, 'documents'))).toHaveLength(stored);
      }
      return answer.status;
    };

    describe('business management (the broker’s assigned employee): view and edit, every program', () => {
      it('sees each ruling by id, in the business’s list, nested under each program account, with documents', async () => {
        for (const ruling of [rmRuling, rtRuling]) {
          const answer = await byId(bmBroker.client, ruling);
          expect(answer.body.errors).toBeUndefined();
          expect(answer.body.data?.ruling).toMatchObject({ caseNumber: ruling.caseNumber, documents: [{}] });
        }
        expect((await listed(bmBroker.client)).cases).toEqual(
          [rmRuling.caseNumber, rtRuling.caseNumber].sort(),
        );
        const nested = await bmBroker.client.gql(ACCOUNT_RULINGS, { id: rt });
        expect(nested.body.errors).toBeUndefined();
        expect(nested.body.data?.programAccount).toMatchObject({ rulings: { totalCount: 1 } });
      });

      it('requests rulings and uploads to, and downloads from, either program’s cases', async () => {
        expect(payload<{ userErrors: unknown[] }>(await canRequest(bmBroker.client, rt)).userErrors).toEqual(
          [],
        );
        expect(
          (await bmBroker.client.gql(DOCUMENT_CASE, { caseNumber: rtRuling.caseNumber })).body.data,
        ).toEqual({
          documentCase: { id: rtRuling.id, caseNumber: rtRuling.caseNumber },
        });
        expect(await uploadStatus(bmBroker.client, rtRuling)).toBe(201);
        expect((await download(t.url, bmBroker.client, `/api/documents/${rtDocument}`)).status).toBe(200);
        expect((await download(t.url, bmBroker.client, `/api/documents/${rmDocument}`)).status).toBe(200);
      });
    });

    describe('program management of RM0001 (the consultant’s employee): view and edit, RM0001 only', () => {
      it('sees the RM0001 ruling, not the RT0001 one, by id, through the list and nested', async () => {
        const inScope = await byId(pmBroker.client, rmRuling);
        expect(inScope.body.errors).toBeUndefined();
        expect(inScope.body.data?.ruling).toMatchObject({ caseNumber: rmRuling.caseNumber });
        expectForbidden(await byId(pmBroker.client, rtRuling), 'REQUESTS_AND_TRANSACTIONS');
        // The business's list answers only what is in scope.
        const { result, cases } = await listed(pmBroker.client);
        expect(result.body.errors).toBeUndefined();
        expect(cases).toEqual([rmRuling.caseNumber]);
        const nested = await pmBroker.client.gql(ACCOUNT_RULINGS, { id: rm });
        expect(nested.body.data?.programAccount).toMatchObject({ rulings: { totalCount: 1 } });
        // RT0001's profile is not available, and so nothing under it.
        expectForbidden(await pmBroker.client.gql(ACCOUNT_RULINGS, { id: rt }), 'PROGRAM_PROFILE');
        const filtered = await pmBroker.client.gql(BUSINESS_RULINGS, { id: clientId, programAccountId: rt });
        expect(filtered.body.data?.business).toMatchObject({ rulings: { totalCount: 0, edges: [] } });
      });

      it('requests, uploads and downloads for RM0001; refused for RT0001 with nothing changed', async () => {
        expect(payload<{ userErrors: unknown[] }>(await canRequest(pmBroker.client, rm)).userErrors).toEqual(
          [],
        );
        const rulings = await t.dataSource.getRepository(RulingRequest).count();
        expectForbidden(await canRequest(pmBroker.client, rt), 'REQUESTS_AND_TRANSACTIONS');
        expect(await t.dataSource.getRepository(RulingRequest).count()).toBe(rulings);
        expectForbidden(
          await pmBroker.client.gql(DOCUMENT_CASE, { caseNumber: rtRuling.caseNumber }),
          'REQUESTS_AND_TRANSACTIONS',
        );
        expect(await uploadStatus(pmBroker.client, rmRuling)).toBe(201);
        expect(await uploadStatus(pmBroker.client, rtRuling)).toBe(422);
        expect((await download(t.url, pmBroker.client, `/api/documents/${rmDocument}`)).status).toBe(200);
        const refused = await download(t.url, pmBroker.client, `/api/documents/${rtDocument}`);
        expect(refused.status).toBe(403);
        expect(refused.bytes.toString()).toContain('FORBIDDEN');
      });
    });

    describe('nobody else', () => {
      it('shows nothing to a provider employee assigned to nothing, and refuses every change', async () => {
        expectForbidden(await byId(idleBroker.client, rmRuling), 'REQUESTS_AND_TRANSACTIONS');
        expect((await listed(idleBroker.client)).result.body.data?.business).toBeNull();
        expectForbidden(await canRequest(idleBroker.client, rm), 'REQUESTS_AND_TRANSACTIONS');
        expect(await uploadStatus(idleBroker.client, rmRuling)).toBe(422);
        expect((await download(t.url, idleBroker.client, `/api/documents/${rmDocument}`)).status).toBe(403);
        // An id that names nothing gets the same answer as one the caller may not see.
        expect(
          (await download(t.url, idleBroker.client, '/api/documents/00000000-0000-4000-8000-000000000000'))
            .status,
        ).toBe(403);
        expectForbidden(
          await idleBroker.client.gql(RULING, { id: '00000000-0000-4000-8000-000000000000' }),
          'REQUESTS_AND_TRANSACTIONS',
        );
      });

      it('lets the client’s Reader view its program’s rulings and documents, and change nothing', async () => {
        expect((await byId(clientReader.client, rmRuling)).body.errors).toBeUndefined();
        expectForbidden(await byId(clientReader.client, rtRuling), 'REQUESTS_AND_TRANSACTIONS');
        expect((await download(t.url, clientReader.client, `/api/documents/${rmDocument}`)).status).toBe(200);
        expectForbidden(await canRequest(clientReader.client, rm), 'REQUESTS_AND_TRANSACTIONS');
        expect(await uploadStatus(clientReader.client, rmRuling)).toBe(422);
      });

      it('answers a signed-out caller UNAUTHENTICATED whether or not the ids exist', async () => {
        for (const id of [rmRuling.id, 'nope'])
          expect((await t.gql(RULING, { id })).body.errors?.map((e) => e.extensions?.code)).toEqual([
            'UNAUTHENTICATED',
          ]);
      });
    });

    // Issue 19 item 4: the REST document routes decide through the same path as the GraphQL fields. Cell by
    // cell, for each caller (the client's BAM and Reader, business management, program management, a provider
    // employee assigned to nothing) and each program account: downloading a document (GET /api/documents/:id)
    // answers as `ruling(id:)`'s documents (VIEW), uploading to the case (POST /api/documents) as
    // `documentCase(caseNumber:)` (EDIT); and both as the seed's table says.
    it('decides each REST document cell as the GraphQL field decides it, for both relationship types', async () => {
      const callers = { clientBam, clientReader, bmBroker, pmBroker, idleBroker };
      const expected: Record<keyof typeof callers, Record<'RM' | 'RT', { view: boolean; edit: boolean }>> = {
        clientBam: { RM: { view: true, edit: true }, RT: { view: true, edit: true } },
        clientReader: { RM: { view: true, edit: false }, RT: { view: false, edit: false } },
        bmBroker: { RM: { view: true, edit: true }, RT: { view: true, edit: true } },
        pmBroker: { RM: { view: true, edit: true }, RT: { view: false, edit: false } },
        idleBroker: { RM: { view: false, edit: false }, RT: { view: false, edit: false } },
      };
      const cells: string[] = [];
      for (const [name, who] of Object.entries(callers) as Array<[keyof typeof callers, Person]>)
        for (const [account, ruling, document] of [
          ['RM', rmRuling, rmDocument],
          ['RT', rtRuling, rtDocument],
        ] as const) {
          const field = await who.client.gql(
            `query($id: ID!) { ruling(id: $id) { documentsConnection { totalCount } } }`,
            { id: ruling.id },
          );
          const graphqlView = !field.body.errors && field.body.data?.ruling != null;
          const restView = (await download(t.url, who.client, `/api/documents/${document}`)).status === 200;
          const edit = await who.client.gql(DOCUMENT_CASE, { caseNumber: ruling.caseNumber });
          const graphqlEdit = !edit.body.errors && edit.body.data?.documentCase != null;
          const restEdit = (await uploadStatus(who.client, ruling)) === 201;
          cells.push(`${name} ${account}: view ${graphqlView}/${restView}, edit ${graphqlEdit}/${restEdit}`);
          const { view, edit: mayEdit } = expected[name][account];
          expect(cells.at(-1)).toBe(`${name} ${account}: view ${view}/${view}, edit ${mayEdit}/${mayEdit}`);
        }
      expect(cells).toHaveLength(10);
    });

    it('reaches rulings and documents only through guarded fields (schema walk)', async () => {
      const schema = await buildAppSchema();
      const behindGuards = new Set(['Ruling', 'RulingConnection', 'RulingEdge', 'CaseDocument']);
      // The agency's console reaches every business's rulings by design, guarded by the OFFICER role
      // (requireOfficer) rather than a business's access table; agency-decisions.spec refuses everyone else.
      const officerConsole = new Set(['officerRulingQueue', 'officerRuling', 'decideRuling']);
      const seen = new Set<string>();
      const walk = (type: GraphQLObjectType) => {
        if (seen.has(type.name)) return;
        seen.add(type.name);
        for (const [name, field] of Object.entries(type.getFields())) {
          if (getDirective(schema, field, 'access')?.length) continue;
          if (officerConsole.has(name)) continue;
          const named = getNamedType(field.type);
          if (isObjectType(named)) walk(named);
        }
      };
      for (const root of [schema.getQueryType(), schema.getMutationType()]) if (root) walk(root);
      expect([...seen].filter((name) => behindGuards.has(name))).toEqual([]);
    });
  },
);
