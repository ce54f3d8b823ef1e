import { type NoticeType } from '../../../generated/graphql';

export const noticesPageSize = 10;

export const noticeTypes: readonly NoticeType[] = [
  'ACCESS_AUTHORIZATIONS_CHANGED',
  'ACCESS_REQUEST_REJECTED',
  'BUSINESS_REGISTRATION_COMPLETED',
  'CLAIM_STATUS_CHANGED',
  'COLLECTIONS',
  'DAILY_NOTICE',
  'DELEGATION_PENDING_ACCESS',
  'GENERAL',
  'LETTER_ISSUED',
  'MESSAGE_FROM_AGENCY',
  'PAYMENT_ARRANGEMENT',
  'RELATIONSHIP_ACCEPTED',
  'RELATIONSHIP_ENDED',
  'RELATIONSHIP_EXPIRED',
  'RELATIONSHIP_EXPIRING',
  'RELATIONSHIP_REJECTED',
  'RELATIONSHIP_REQUEST_CANCELLED',
  'RELATIONSHIP_REQUEST_RECEIVED',
  'REPAYMENT_STATUS_CHANGED',
  'STATEMENT_OF_ACCOUNT_ISSUED',
];

export function isNoticeType(value: string | null): value is NoticeType {
  return value !== null && (noticeTypes as readonly string[]).includes(value);
}

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The list's default search, as the server's: the last 6 months up to today. */
export function defaultRange(now = new Date()): { from: string; to: string } {
  const from = new Date(now);
  from.setMonth(from.getMonth() - 6);
  return { from: isoDay(from), to: isoDay(now) };
}

export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Page numbers in the URL are 1-based; anything else is page 1. */
export function pageFromParam(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
