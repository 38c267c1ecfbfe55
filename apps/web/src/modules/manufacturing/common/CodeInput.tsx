/** A record's code (room, material, unit, process) as typed: always upper case, as it is printed on labels. */
import { TextInput, type TextInputProps } from '@mantine/core';

export function CodeInput({
  onChange,
  testId,
  ...rest
}: Omit<TextInputProps, 'onChange'> & { onChange: (code: string) => void; testId: string }) {
  return (
    <TextInput
      {...rest}
      onChange={(e) => onChange(e.currentTarget.value.toUpperCase())}
      required
      data-testid={testId}
    />
  );
}
