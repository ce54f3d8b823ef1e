import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bulletin } from '../../src/modules/portal/bulletin.entity.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { drivers } from '../support/databases.js';
import { type GqlClient } from '../support/gql-client.js';
import { acceptTerms, payload, seedUser, signIn, userErrors } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Officer-posted bulletins (issue 14, public resources): officers post in both languages, anyone reads them in
// theirs, newest first; a bad post is refused field by field in the caller's language; the row records who
// posted it and when (decision 0037).

const POST = `mutation($input: PostBulletinInput!) { postBulletin(input: $input) {
  bulletin { id title body postedAt } userErrors { field code message } } }`;
const LIST = '{ bulletins { id title body postedAt } }';

const draft = (n: number) => ({
  titleEn: `Maintenance ${n}`,
  titleFr: `Entretien ${n}`,
  bodyEn: `The portal is closed on Sunday ${n}.`,
  bodyFr: `Le portail est fermé le dimanche ${n}.`,
});

describe.each(drivers)('bulletins on %s', (driver) => {
  let t: TestApp;
  let officer: GqlClient;
  let officerId: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    officerId = (await seedUser(t.dataSource, 'BulletinOffic26', PersonRole.OFFICER)).id;
    officer = t.client();
    await signIn(officer, 'BulletinOffic26');
    await acceptTerms(officer);
  });
  afterAll(async () => t?.close());

  it('an officer posts a bulletin that anyone reads in their language, newest first, with who posted it kept', async () => {
    const first = payload<{ bulletin: { id: string } }>(await officer.gql(POST, { input: draft(1) }));
    t.clock.advance(60_000);
    const second = payload<{ bulletin: { id: string; title: string } }>(
      await officer.gql(POST, { input: draft(2) }),
    );
    expect(second.bulletin.title).toBe('Maintenance 2');

    const en = payload<Array<{ id: string; title: string; body: string }>>(await t.client().gql(LIST));
    expect(en.map((b) => b.id)).toEqual([second.bulletin.id, first.bulletin.id]);
    expect(en[0]).toMatchObject({ title: 'Maintenance 2', body: 'The portal is closed on Sunday 2.' });
    const fr = payload<Array<{ title: string; body: string }>>(await t.client({ lang: 'fr' }).gql(LIST));
    expect(fr[1]).toMatchObject({ title: 'Entretien 1', body: 'Le portail est fermé le dimanche 1.' });

    const row = await t.dataSource.getRepository(Bulletin).findOneByOrFail({ id: first.bulletin.id });
    expect(row.postedBy).toBe(officerId);
  });

  it('refuses an empty or too long field, field by field, in the caller’s language', async () => {
    const fr = t.client({ lang: 'fr' });
    await signIn(fr, 'BulletinOffic26');
    await acceptTerms(fr);
    const r = await fr.gql(POST, { input: { ...draft(3), titleFr: ' ', bodyEn: 'x'.repeat(5001) } });
    expect(userErrors(r)).toEqual([
      { field: ['input', 'titleFr'], code: 'REQUIRED', message: 'Entrez une valeur dans ce champ.' },
      {
        field: ['input', 'bodyEn'],
        code: 'TOO_LONG',
        message: 'Ce champ doit compter au plus 5000 caractères.',
      },
    ]);
    expect(await t.dataSource.getRepository(Bulletin).countBy({ titleEn: 'Maintenance 3' })).toBe(0);
  });

  it('refuses anyone but an officer', async () => {
    const person = t.client();
    await seedUser(t.dataSource, 'BulletinPerson1');
    await signIn(person, 'BulletinPerson1');
    await acceptTerms(person);
    const r = await person.gql(POST, { input: draft(4) });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.client().gql(POST, { input: draft(5) });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
