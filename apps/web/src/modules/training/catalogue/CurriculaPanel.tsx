/** Which courses each role must hold: one card per role, edited with a reason (training:write). */
import { Badge, Button, Card, Group, Modal, MultiSelect, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { FormActions } from '../../../components/FormActions';
import { ReasonField } from '../../../components/ReasonField';
import { QueryView } from '../../../components/states';
import { useCourseTitleText } from '../common/CourseTitle';
import { TrainingProblemAlert } from '../common/TrainingProblemAlert';
import type { Curriculum } from '../training.types';
import { useCourses, useCurricula, useUpdateCurriculum } from './catalogue.api';

function CurriculumEditModal({ curriculum, onClose }: { curriculum: Curriculum; onClose: () => void }) {
  const { t } = useTranslation();
  const titleOf = useCourseTitleText();
  const courses = useCourses('', false);
  const update = useUpdateCurriculum();
  const [courseIds, setCourseIds] = useState(curriculum.courses.map((c) => c.id));
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { role: curriculum.role, courseIds, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('training.curricula.savedNotice', { role: t(`roles.${curriculum.role}`) }),
          });
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('training.curricula.editTitle', {
        role: t(`roles.${curriculum.role}`, { defaultValue: curriculum.role }),
      })}
      centered
      size="lg"
    >
      <Stack component="form" onSubmit={submit} data-testid="curriculum-form">
        {update.error && <TrainingProblemAlert error={update.error} />}
        <MultiSelect
          label={t('training.curricula.courses')}
          data={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${titleOf(c)}` }))}
          value={courseIds}
          onChange={setCourseIds}
          searchable
          clearable
          comboboxProps={{ withinPortal: false }}
          data-testid="curriculum-courses"
        />
        <ReasonField value={reason} onChange={setReason} error={update.error} testId="curriculum-reason" />
        <FormActions
          onCancel={onClose}
          submitLabel={t('training.common.save')}
          loading={update.isPending}
          disabled={!reason.trim()}
          testId="curriculum-submit"
        />
      </Stack>
    </Modal>
  );
}

export function CurriculaPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const titleOf = useCourseTitleText();
  const query = useCurricula();
  const [editing, setEditing] = useState<Curriculum | null>(null);
  return (
    <Stack data-testid="curricula-panel">
      <Text size="sm" c="dimmed">
        {t('training.curricula.hint')}
      </Text>
      <QueryView query={query}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {data.items.map((cur) => (
              <Card key={cur.role} withBorder data-testid="curriculum-card" data-role={cur.role}>
                <Group justify="space-between" mb="xs">
                  <Text fw={600}>{t(`roles.${cur.role}`, { defaultValue: cur.role })}</Text>
                  {can('training:write') && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setEditing(cur)}
                      data-testid="curriculum-edit"
                    >
                      {t('training.common.edit')}
                    </Button>
                  )}
                </Group>
                {cur.courses.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('training.curricula.none')}
                  </Text>
                ) : (
                  <Group gap={6}>
                    {cur.courses.map((c) => (
                      <Tooltip key={c.id} label={`${titleOf(c)} · ${t(`training.category.${c.category}`)}`} withArrow>
                        <Badge variant="light" color="teal" ff="monospace" data-testid="curriculum-course">
                          {c.code}
                        </Badge>
                      </Tooltip>
                    ))}
                  </Group>
                )}
              </Card>
            ))}
          </SimpleGrid>
        )}
      </QueryView>
      {editing && <CurriculumEditModal curriculum={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
