/** "Print wristband": the patient's wristband PDF (name, MRN, and the subject code as Code 128 for the bedside check). */
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api/client';
import { useSession } from '../../app/session';

export function WristbandLink({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!can('identity:read')) return null;
  return (
    <Button
      component="a"
      variant="light"
      href={apiUrl(`/patients/${encodeURIComponent(patientId)}/wristband.pdf`)}
      target="_blank"
      rel="noopener"
      data-testid="wristband-print"
    >
      {t('bedside.wristband')}
    </Button>
  );
}
