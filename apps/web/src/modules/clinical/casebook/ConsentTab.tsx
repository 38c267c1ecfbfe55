/** The consent tab of the casebook: the consent module's panel (records, re-consent, withdrawal). */
import { ConsentPanel } from '../consent/ConsentPanel';
import type { Casebook } from './casebook.types';

export function ConsentTab({ subjectId }: { subjectId: string; casebook: Casebook }) {
  return <ConsentPanel subjectId={subjectId} />;
}
