/** "Occurred at" input state: shows the site's current time until the user edits it. */
import { useEffect, useState } from 'react';
import { localInputToIso, nowLocalInput } from '../../lib/time';

export function useOccurredAt(tz: string) {
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
