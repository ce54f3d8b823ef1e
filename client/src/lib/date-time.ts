import { type Language } from './language';

/** The agency's time zone: dates and times on the portal read as the agency's officers see them. */
export const agencyTimeZone = 'America/Toronto';

/** "November 23, 2025 at 1:05 p.m. EST" / "23 novembre 2025 à 13 h 05 HNE". */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(`${language}-CA`, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: agencyTimeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Today in the agency's time zone, as 'YYYY-MM-DD' (what the server compares memorable dates with). */
export function agencyToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: agencyTimeZone }).format(now);
}
