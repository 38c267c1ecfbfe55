/**
 * The state around a SignDialog whose signing the server may refuse for a reason that is not the password
 * (qualification, lot, equipment, author approving their own draft…). A wrong password stays in the dialog,
 * which asks again; any other refusal closes the dialog and is kept for a RefusalAlert on the page, where the
 * person can act on it. Each opening mounts a fresh dialog, so no old error is shown again.
 */
import { useState } from 'react';
import { isProblem } from '../../../api/client';

const WRONG_PASSWORD = 'urn:hepatica:problem:wrong-password';

/** The signer's own password was wrong: the dialog says so and stays open. */
export function isWrongPassword(err: unknown): boolean {
  return isProblem(err, 401) && (err.type === WRONG_PASSWORD || err.code === 'signature.wrong_password');
}

export function useSignFlow() {
  const [opened, setOpened] = useState(false);
  const [dialogKey, setDialogKey] = useState(0);
  const [refusal, setRefusal] = useState<unknown>(null);
  return {
    opened,
    dialogKey,
    refusal,
    setRefusal,
    open: () => {
      setRefusal(null);
      setDialogKey((k) => k + 1);
      setOpened(true);
    },
    close: () => setOpened(false),
    /**
     * Sends the signature through `send`. `inDialog(err)` decides which errors the dialog shows itself
     * (by default a wrong password); every other error closes the dialog and becomes the page's refusal.
     */
    sign: async <T>(send: () => Promise<T>, inDialog: (err: unknown) => boolean = isWrongPassword): Promise<T> => {
      try {
        const result = await send();
        setRefusal(null);
        return result;
      } catch (err) {
        if (!inDialog(err)) {
          setRefusal(err);
          setOpened(false);
        }
        throw err;
      }
    },
  };
}
