/** A course named in the UI language, with the other language's title smaller beneath (or beside). */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** True when the UI speaks Chinese. */
export function useIsChinese(): boolean {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language ?? 'en').toLowerCase().startsWith('zh');
}

/** The course title of the UI language (the English one when no Chinese title is known). */
export function useCourseTitleText(): (course: { title: string; titleZh?: string | null }) => string {
  const zh = useIsChinese();
  return (c) => (zh && c.titleZh ? c.titleZh : c.title);
}

export function CourseTitle({
  title,
  titleZh,
  code,
  size = 'sm',
  inline = false,
}: {
  title: string;
  titleZh?: string | null;
  code?: string;
  size?: string;
  inline?: boolean;
}) {
  const zh = useIsChinese();
  const primary = zh && titleZh ? titleZh : title;
  const secondary = zh ? title : titleZh;
  const main = (
    <Text span={inline} size={size} fw={600} data-testid="course-title">
      {code && (
        <Text span ff="monospace" fw={700} size={size} mr={6}>
          {code}
        </Text>
      )}
      {primary}
    </Text>
  );
  if (!secondary || secondary === primary) return main;
  if (inline)
    return (
      <>
        {main}{' '}
        <Text span size="xs" c="dimmed" data-testid="course-title-other">
          {secondary}
        </Text>
      </>
    );
  return (
    <Stack gap={0}>
      {main}
      <Text size="xs" c="dimmed" data-testid="course-title-other">
        {secondary}
      </Text>
    </Stack>
  );
}
