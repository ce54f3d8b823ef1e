import { type GqlClient } from './gql-client.js';
import { type UploadFile } from './documents.js';

// GraphQL operations and the attachment upload of secure messaging (docs/messaging.md), for the tests.

export const ERRORS = 'userErrors { field code message }';
export const THREAD_FIELDS = `id referenceNumber subject category status caseReference team unreadCount assigned assignedToMe
  messageCount waitingSince programAccount { id accountNumber } business { id name }`;
export const MESSAGE_FIELDS = `id authorSide authorName authorOrganization body postedAt attachments { id fileName downloadUrl }`;
export const OPEN = `mutation($input: OpenMessageThreadInput!) { openMessageThread(input: $input) {
  thread { ${THREAD_FIELDS} } ${ERRORS} } }`;
export const POST = `mutation($input: PostMessageInput!) { postMessage(input: $input) { thread { ${THREAD_FIELDS} } ${ERRORS} } }`;
export const THREAD = `query($id: ID!) { messageThread(id: $id) { ${THREAD_FIELDS}
  messages { totalCount edges { node { ${MESSAGE_FIELDS} } } } } }`;
export const BUSINESS_THREADS = `query($id: ID!, $first: Int, $after: String, $statuses: [ThreadStatus!]) { business(id: $id) {
  unreadMessageThreadCount
  messageThreads(first: $first, after: $after, statuses: $statuses) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { ${THREAD_FIELDS} } } } } }`;
export const INBOX = `query($first: Int, $after: String, $businessId: ID, $statuses: [ThreadStatus!]) {
  officerInbox(first: $first, after: $after, businessId: $businessId, statuses: $statuses) { totalCount
  pageInfo { hasNextPage endCursor } edges { node { ${THREAD_FIELDS} } } } }`;
export const OFFICER_REPLY = `mutation($input: PostMessageInput!) { officerReply(input: $input) { thread { ${THREAD_FIELDS} } ${ERRORS} } }`;
export const OFFICER_OPEN = `mutation($input: OpenMessageThreadInput!) { officerOpenMessageThread(input: $input) {
  thread { ${THREAD_FIELDS} } ${ERRORS} } }`;
export const ASSIGN = `mutation($id: ID!) { assignMessageThread(threadId: $id) { thread { ${THREAD_FIELDS} } ${ERRORS} } }`;
export const SET_CLOSED = `mutation($id: ID!, $closed: Boolean!) { setMessageThreadClosed(threadId: $id, closed: $closed) {
  thread { ${THREAD_FIELDS} } ${ERRORS} } }`;
export const MARK_READ = `mutation($id: ID!) { markMessageThreadRead(threadId: $id) { id unreadCount } }`;
export const LETTER_FIELDS = `id kind subject body issuedAt read programAccount { id } attachments { id fileName downloadUrl }`;
export const LETTERS = `query($id: ID!, $first: Int, $after: String, $from: String, $to: String) { business(id: $id) {
  letters(first: $first, after: $after, from: $from, to: $to) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { ${LETTER_FIELDS} } } } } }`;
export const LETTER = `query($id: ID!) { letter(id: $id) { ${LETTER_FIELDS} } }`;
export const MARK_LETTER_READ = `mutation($id: ID!) { markLetterRead(id: $id) { id read } }`;
export const ISSUE_LETTER = `mutation($input: IssueLetterInput!) { issueLetter(input: $input) { letter { ${LETTER_FIELDS} } ${ERRORS} } }`;

export interface ThreadView {
  id: string;
  referenceNumber: string;
  subject: string;
  category: string;
  status: string;
  team: string;
  unreadCount: number;
  assigned: boolean;
  assignedToMe: boolean;
  messageCount: number;
  waitingSince: string;
  programAccount: { id: string } | null;
  business: { id: string; name: string };
}

export interface AttachmentAnswer {
  status: number;
  body: {
    ok: boolean;
    attachments?: Array<{ id: string; fileName: string; sizeBytes: number; downloadUrl: string }>;
    errors?: Array<{ field: Array<string | number>; code: string; message: string }>;
  };
}

/** POST /api/messaging/attachments as the app does: session cookie, X-CSRF-Token, businessId then files. */
export async function uploadAttachments(
  url: string,
  client: GqlClient,
  businessId: string,
  files: UploadFile[],
  options: { lang?: 'en' | 'fr' } = {},
): Promise<AttachmentAnswer> {
  const form = new FormData();
  form.append('businessId', businessId);
  for (const file of files) form.append('files', new Blob([new Uint8Array(file.content)]), file.name);
  const headers: Record<string, string> = {};
  if (client.session) headers.cookie = `passerelle_session=${client.session}`;
  const token = await client.csrf();
  if (token) headers['x-csrf-token'] = token;
  if (options.lang) headers['accept-language'] = options.lang;
  const res = await fetch(`${url}/api/messaging/attachments`, { method: 'POST', headers, body: form });
  return { status: res.status, body: (await res.json()) as AttachmentAnswer['body'] };
}
