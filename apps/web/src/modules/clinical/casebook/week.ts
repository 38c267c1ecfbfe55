/**
 * The week a coordinator plans in: Monday to Sunday as calendar days in the site's time zone (ISO 8601 weeks,
 * the working week in China), so 23:30 on a Sunday in Shanghai is still that week even though it is Sunday
 * 15:30 UTC.
 */
import dayjs from 'dayjs';
import '../../../lib/time';

export interface Week {
  from: string;
  to: string;
}

/** The Monday–Sunday week holding `now` in `tz`, moved by `offset` weeks. */
export function siteWeek(tz: string, now: Date = new Date(), offset = 0): Week {
  const local = dayjs(now).tz(tz);
  const sinceMonday = (local.day() + 6) % 7;
  const monday = local.subtract(sinceMonday, 'day').add(offset * 7, 'day');
  return { from: monday.format('YYYY-MM-DD'), to: monday.add(6, 'day').format('YYYY-MM-DD') };
}
