/** The course catalogue as a table: code and titles, category, delivery, duration, pass mark, validity, SOP. */
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CourseTitle } from '../common/CourseTitle';
import type { Course } from '../training.types';

export function validityText(t: (key: string, options?: Record<string, unknown>) => string, months: number | null) {
  return months == null ? t('training.common.noExpiry') : t('training.course.validityMonthsValue', { count: months });
}

export function CoursesTable({ items }: { items: Course[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover data-testid="courses-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.course.title')}</Table.Th>
            <Table.Th>{t('training.course.category')}</Table.Th>
            <Table.Th>{t('training.course.deliveryMode')}</Table.Th>
            <Table.Th>{t('training.course.duration')}</Table.Th>
            <Table.Th>{t('training.course.passMark')}</Table.Th>
            <Table.Th>{t('training.course.validity')}</Table.Th>
            <Table.Th>{t('training.course.sop')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id} data-testid="course-row" data-code={c.code}>
              <Table.Td>
                <Text component={Link} to={`/training/courses/${c.id}`} c="teal.8" data-testid="course-link">
                  <CourseTitle code={c.code} title={c.title} titleZh={c.titleZh} />
                </Text>
                {c.retiredAt && (
                  <Badge color="gray" size="xs" mt={4}>
                    {t('training.course.retired')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{t(`training.category.${c.category}`, { defaultValue: c.category })}</Table.Td>
              <Table.Td>
                {t(`training.deliveryMode.${c.deliveryMode}`, { defaultValue: c.deliveryMode })}
                {c.practical && (
                  <Badge color="grape" variant="light" size="xs" ml={6}>
                    {t('training.course.practicalShort')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{t('training.course.hours', { count: c.durationHours })}</Table.Td>
              <Table.Td>{c.passMark}</Table.Td>
              <Table.Td>{validityText(t, c.validityMonths)}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {c.sopCode ? `${c.sopCode}${c.sopVersion ? ` v${c.sopVersion}` : ''}` : '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
