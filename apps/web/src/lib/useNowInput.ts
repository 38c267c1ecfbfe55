/**
 * State of a `datetime-local` input that defaults to "now" in the site's zone: it follows the clock until the
 * user edits it, and an untouched field sends the true current time (not the minute shown when the form opened).
 */
import { useEffect, useState } from 'react';
import { localInputToIso, nowLocalInput } from './time';

export function useNowInput(tz: string) {
  const [value, setValue] = useState(() => nowLocalInput(tz));
  const [edited, setEdited] = useState(false);

  useEffect(() => {
    if (edited) return undefined;
    const timer = setInterval(() => setValue(nowLocalInput(tz)), 30_000);
    return () => clearInterval(timer);
  }, [edited, tz]);

  return {
    value,
    edited,
    valid: localInputToIso(value, tz) !== null,
    set: (next: string) => {
      setValue(next);
      setEdited(true);
    },
    reset: () => {
      setValue(nowLocalInput(tz));
      setEdited(false);
    },
    /** The instant to send: the true current time when untouched, else the typed site time. */
    toIso: (): string | null => (edited ? localInputToIso(value, tz) : new Date().toISOString()),
  };
}
