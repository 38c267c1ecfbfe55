/** One study's set-up: protocol versions, arms, criteria, visit schedule, consent documents, registrations, ethics. */
import { Placeholder } from '../Placeholder';

export function StudyPage() {
  return <Placeholder titleKey="clinical.setup.studies.title" />;
}
