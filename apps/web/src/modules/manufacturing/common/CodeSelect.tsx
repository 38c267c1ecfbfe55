/**
 * A native select over a fixed list of codes, each worded by `wordOf`. `FilterSelect` starts with "All"
 * (no filter); `ChoiceSelect` starts with a "Choose…" that cannot be picked back, for a required field.
 */
import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props<T extends string> = Omit<NativeSelectProps, 'data' | 'value' | 'onChange'> & {
  codes: readonly T[];
  wordOf: (code: T) => string;
  value: T | '';
  onChange: (value: T | '') => void;
  testId: string;
};

function CodeSelect<T extends string>({
  codes,
  wordOf,
  value,
  onChange,
  testId,
  blank,
  ...rest
}: Props<T> & { blank: { label: string; disabled: boolean } }) {
  return (
    <NativeSelect
      {...rest}
      data={[{ value: '', ...blank }, ...codes.map((c) => ({ value: c, label: wordOf(c) }))]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as T | '')}
      data-testid={testId}
    />
  );
}

export function FilterSelect<T extends string>(props: Props<T>) {
  const { t } = useTranslation();
  return <CodeSelect {...props} blank={{ label: t('mfg.common.all'), disabled: false }} />;
}

export function ChoiceSelect<T extends string>(props: Props<T>) {
  const { t } = useTranslation();
  return <CodeSelect {...props} blank={{ label: t('common.choose'), disabled: true }} />;
}
