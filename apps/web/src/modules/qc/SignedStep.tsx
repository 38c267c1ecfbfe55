/**
 * A step of QC that ends in a signature: its refusal (kept on the page, see useSignFlow), what the person fills in
 * with the button that opens the signature dialog, and the dialog itself.
 */
import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SignatureInput } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SignDialog } from '../../components/SignDialog';
import type { SignatureMeaningId } from '../../components/signatureMeanings';
import { useSignFlow } from '../manufacturing/common/useSignFlow';

export function SignedStep({
  testId,
  gap,
  refusalTestId,
  record,
  meanings,
  onSign,
  children,
}: {
  testId?: string;
  gap?: 'xs';
  refusalTestId: string;
  /** What is being signed, as the dialog names it. */
  record: string;
  meanings: readonly SignatureMeaningId[];
  onSign: (signature: SignatureInput) => Promise<unknown>;
  /** The step's inputs and its button, which calls `openSign`. */
  children: (openSign: () => void) => ReactNode;
}) {
  const flow = useSignFlow();
  return (
    <Stack data-testid={testId} gap={gap}>
      <ProblemAlert error={flow.refusal} testId={refusalTestId} />
      {children(flow.open)}
      <SignDialog
        key={flow.dialogKey}
        opened={flow.opened}
        onClose={flow.close}
        record={record}
        meanings={meanings}
        onSign={(signature) => flow.sign(() => onSign(signature))}
      />
    </Stack>
  );
}
