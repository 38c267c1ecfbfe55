/** How an SAE clock reads on the board: the time left or overdue in words, and the colour of its state. */
import type { TFunction } from 'i18next';
import { formatDuration } from '../../bedside/duration';
import type { ClockStatus, SaeClock } from './safety.types';

/** "5 h 12 min left", "overdue by 1 d 3 h", "reported", "cancelled" (whole minutes, rounded down). */
export function clockTimeText(clock: Pick<SaeClock, 'status' | 'msLeft' | 'overdueMs' | 'late'>, t: TFunction): string {
  const minutes = (ms: number) => Math.floor(ms / 60_000);
  switch (clock.status) {
    case 'running':
      return t('clinical.safety.clock.left', { time: formatDuration(minutes(clock.msLeft), t) });
    case 'overdue':
      return t('clinical.safety.clock.overdueBy', { time: formatDuration(minutes(clock.overdueMs), t) });
    case 'met':
      return clock.late ? t('clinical.safety.clock.metLate') : t('clinical.safety.clock.metOnTime');
    case 'cancelled':
      return t('clinical.safety.clock.cancelled');
  }
}

export const CLOCK_COLORS: Record<ClockStatus, string> = {
  running: 'orange',
  overdue: 'red',
  met: 'teal',
  cancelled: 'gray',
};

/** A clock that is due within this many hours is shown as urgent. */
export const URGENT_MS = 6 * 3_600_000;
