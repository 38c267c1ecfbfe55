/** A study's screening log: counts, the subjects screened, "screen a patient". */
import { Placeholder } from '../Placeholder';

export function ScreeningLogPage() {
  return <Placeholder titleKey="clinical.screening.logTitle" />;
}
