/** The course catalogue (filter by category, new course) and the curricula per role, as two tabs. */
import { Button, Checkbox, Group, NativeSelect, Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../app/session';
import { EmptyHint, QueryView } from '../../../components/states';
import { COURSE_CATEGORIES, type CourseCategory } from '../training.types';
import { useCourses } from './catalogue.api';
import { CourseCreateModal } from './CourseCreateModal';
import { CoursesTable } from './CoursesTable';
import { CurriculaPanel } from './CurriculaPanel';

function CoursesPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const category = (params.get('category') ?? '') as CourseCategory | '';
  const [includeRetired, setIncludeRetired] = useState(false);
  const [creating, setCreating] = useState(false);
  const query = useCourses(category, includeRetired);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <NativeSelect
            label={t('training.course.category')}
            data={[
              { value: '', label: t('training.catalogue.allCategories') },
              ...COURSE_CATEGORIES.map((c) => ({ value: c, label: t(`training.category.${c}`) })),
            ]}
            value={category}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setParams(value ? { category: value } : {}, { replace: true });
            }}
            data-testid="course-category-filter"
          />
          <Checkbox
            label={t('training.catalogue.includeRetired')}
            checked={includeRetired}
            onChange={(e) => setIncludeRetired(e.currentTarget.checked)}
            mb={8}
            data-testid="course-include-retired"
          />
        </Group>
        {can('training:write') && (
          <Button onClick={() => setCreating(true)} data-testid="course-new">
            {t('training.catalogue.newCourse')}
          </Button>
        )}
      </Group>
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <CoursesTable items={data.items} />
          ) : (
            <EmptyHint title={t('training.catalogue.empty')} description={t('training.catalogue.emptyHint')} />
          )
        }
      </QueryView>
      {can('training:write') && <CourseCreateModal opened={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

export function CataloguePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('courses');
  return (
    <Stack data-testid="catalogue-page">
      <Title order={2}>{t('training.catalogue.title')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="courses" data-testid="tab-courses">
            {t('training.catalogue.courses')}
          </Tabs.Tab>
          <Tabs.Tab value="curricula" data-testid="tab-curricula">
            {t('training.curricula.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="courses" pt="md">
          <CoursesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="curricula" pt="md">
          <CurriculaPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
