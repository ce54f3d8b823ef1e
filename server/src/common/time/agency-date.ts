/** The agency's time zone: calendar dates (today, a memorable date in the past) are read in it. */
export const AGENCY_TIME_ZONE = 'America/Toronto';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: AGENCY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day of `instant` in the agency's time zone, as 'YYYY-MM-DD'. */
export function agencyDay(instant: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return dayFormat.format(instant);
}
