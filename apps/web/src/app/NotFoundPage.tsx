/** 404 and 403 pages inside the app shell. */
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyHint } from '../components/states';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyHint
      testId="not-found"
      title={t('notFound.title')}
      description={t('notFound.description')}
      action={
        <Button component={Link} to="/" variant="light">
          {t('notFound.home')}
        </Button>
      }
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <EmptyHint
      testId="forbidden"
      title={t('forbidden.title')}
      description={t('forbidden.description')}
      action={
        <Button component={Link} to="/" variant="light">
          {t('notFound.home')}
        </Button>
      }
    />
  );
}
