import { inTransaction } from '../../src/common/database/transactions.js';
import { timeOrderedId } from '../../src/common/database/time-ordered-id.js';
import { type NoticeDraft, writeNotices } from '../../src/modules/notices/notice-writer.js';
import { MailOutbox, Notice } from '../../src/modules/notices/notices.entities.js';
import { NoticeType } from '../../src/modules/notices/notices.types.js';
import { type GqlClient } from './gql-client.js';
import { payload } from './identity.js';
import { type TestApp } from './test-app.js';

// GraphQL documents and helpers for the notices tests.

export const NOTICE_FIELDS =
  'id displayDate type typeLabel accountNumber subject body urgent read recipient linkPath businessId';
export const NOTICES = `query($first: Int, $after: String, $filter: NoticeFilterInput) {
  notices(first: $first, after: $after, filter: $filter) {
    edges { cursor node { ${NOTICE_FIELDS} } } pageInfo { hasNextPage endCursor } totalCount } }`;
export const NOTICE = `query($id: ID!) { notice(id: $id) { ${NOTICE_FIELDS} } }`;
export const UNREAD = '{ unreadNoticeCount }';
export const MARK_READ = `mutation($id: ID!) { markNoticeRead(id: $id) { notice { id read } unreadCount } }`;
export const POST_NOTICE = `mutation($input: PostNoticeInput!) { postNotice(input: $input) {
  noticeCount emailCount userErrors { field code message } } }`;
export const OUTBOX = `{ noticeOutbox { pending sent dead deadLetters { id noticeId noticeSubject status attempts lastError } } }`;

export interface NoticeView {
  id: string;
  displayDate: string;
  type: string;
  typeLabel: string;
  accountNumber: string | null;
  subject: string | null;
  body: string | null;
  urgent: boolean;
  read: boolean;
  recipient: string | null;
  linkPath: string | null;
  businessId: string | null;
}
export interface NoticeConnectionView {
  edges: Array<{ cursor: string; node: NoticeView }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export async function noticesOf(
  client: GqlClient,
  variables: Record<string, unknown> = {},
): Promise<NoticeConnectionView> {
  return payload<NoticeConnectionView>(await client.gql(NOTICES, { first: 100, ...variables }));
}

/** Every notice (any type) the client sees in the default range. */
export async function noticeTypes(client: GqlClient): Promise<string[]> {
  return (await noticesOf(client)).edges.map((e) => e.node.type);
}

export async function count(t: TestApp): Promise<{ notices: number; emails: number }> {
  return {
    notices: await t.dataSource.getRepository(Notice).count(),
    emails: await t.dataSource.getRepository(MailOutbox).count(),
  };
}

/** Writes business notices straight through the writer (as an event would), dated `now`. */
export async function seedNotices(
  t: TestApp,
  businessId: string,
  accountNumber: string,
  n: number,
  options: Partial<NoticeDraft> = {},
  now = new Date(),
): Promise<void> {
  const drafts: NoticeDraft[] = Array.from({ length: n }, (_, i) => ({
    type: NoticeType.GENERAL,
    businessId,
    accountNumber,
    recipientName: 'Test',
    subject: { en: `Notice ${i + 1}`, fr: `Avis ${i + 1}` },
    body: { en: `Body ${i + 1}`, fr: `Corps ${i + 1}` },
    sourceKey: `test:${timeOrderedId()}`,
    ...options,
  }));
  await inTransaction(t.dataSource, (manager) => writeNotices(manager, drafts, now));
}
