/**
 * The bedside tablet. Step 1: two people verify — scan the patient's wristband and the product label,
 * the second person signs in with their own username and password, the first signs with theirs. A mismatch
 * is a full-width STOP message (the server refused and logged it). Step 2: record the infusion with its dose.
 */
import { Alert, Anchor, Button, Card, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isProblem } from '../../api/client';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { fieldError, useProblemMessage } from '../../components/ProblemAlert';
import { QueryView } from '../../components/states';
import { useShipment, useVerifyAtBedside } from './bedside.api';
import type { ShipmentDetail, Verification } from './bedside.types';
import { BedsideScanField } from './BedsideScanField';
import { millions } from './duration';
import { InfusionForm } from './InfusionForm';

/** Minutes a verification stays good for the infusion that follows (server: VERIFICATION_VALID_MINUTES). */
const VALID_MINUTES = 60;

function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = useProblemMessage();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      title={t('bedside.verification.refused')}
      data-testid="bedside-refusal"
      styles={{ title: { fontSize: 22 }, message: { fontSize: 18 } }}
    >
      {message(error)}
    </Alert>
  );
}

function VerifyForm({ shipment, onVerified }: { shipment: ShipmentDetail; onVerified: (v: Verification) => void }) {
  const { t } = useTranslation();
  const { user } = useSession().me;
  const verify = useVerifyAtBedside(shipment.id);
  const [scans, setScans] = useState({ wristband: '', product: '', coi: '' });
  const [second, setSecond] = useState({ username: '', password: '' });
  const [password, setPassword] = useState('');
  const wristbandRef = useRef<HTMLInputElement>(null);
  const productRef = useRef<HTMLInputElement>(null);
  const coiRef = useRef<HTMLInputElement>(null);
  const secondRef = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate(
      {
        wristbandScan: scans.wristband,
        productScan: scans.product,
        ...(scans.coi.trim() ? { coiScan: scans.coi } : {}),
        signature: { password },
        secondPerson: second,
      },
      {
        onSuccess: onVerified,
        onError: (err) => {
          setPassword('');
          // After a STOP the pair starts again from the wristband with empty fields: a scanner types
          // into the focused field, so the next scan must not be appended to the refused one.
          if (isProblem(err) && err.code?.startsWith('bedside.wrong_')) {
            setScans({ wristband: '', product: '', coi: '' });
            wristbandRef.current?.focus();
          }
        },
      },
    );
  };
  const error = verify.error;
  return (
    <Stack component="form" onSubmit={submit} gap="lg" data-testid="bedside-verify">
      <Refusal error={error} />
      <BedsideScanField
        label={t('bedside.verification.wristband')}
        description={t('bedside.verification.wristbandHint')}
        value={scans.wristband}
        onChange={(v) => setScans((s) => ({ ...s, wristband: v }))}
        onEnter={() => productRef.current?.focus()}
        inputRef={wristbandRef}
        autoFocus
        error={fieldError(error, 'wristbandScan')}
        testId="bedside-wristband"
      />
      <BedsideScanField
        label={t('bedside.verification.product')}
        description={t('bedside.verification.productHint')}
        value={scans.product}
        onChange={(v) => setScans((s) => ({ ...s, product: v }))}
        onEnter={() =>
          (scans.product.includes('&/') || scans.product.startsWith('=+') ? secondRef : coiRef).current?.focus()
        }
        inputRef={productRef}
        error={fieldError(error, 'productScan')}
        testId="bedside-product"
      />
      <BedsideScanField
        label={t('bedside.verification.coi')}
        description={t('bedside.verification.coiHint')}
        value={scans.coi}
        onChange={(v) => setScans((s) => ({ ...s, coi: v }))}
        onEnter={() => secondRef.current?.focus()}
        inputRef={coiRef}
        error={fieldError(error, 'coiScan')}
        testId="bedside-coi"
      />
      <Card withBorder>
        <Title order={4}>{t('bedside.verification.second')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('bedside.verification.secondHint', { me: user?.displayName ?? '' })}
        </Text>
        <Group grow>
          <TextInput
            ref={secondRef}
            size="lg"
            label={t('bedside.verification.secondUsername')}
            value={second.username}
            onChange={(e) => {
              const username = e.currentTarget.value;
              setSecond((s) => ({ ...s, username }));
            }}
            autoComplete="off"
            data-testid="bedside-second-username"
          />
          <PasswordInput
            size="lg"
            label={t('bedside.verification.secondPassword')}
            value={second.password}
            onChange={(e) => {
              const password = e.currentTarget.value;
              setSecond((s) => ({ ...s, password }));
            }}
            autoComplete="off"
            data-testid="bedside-second-password"
          />
        </Group>
      </Card>
      <PasswordInput
        size="lg"
        label={t('bedside.verification.myPassword', { me: user?.displayName ?? '' })}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        autoComplete="current-password"
        data-testid="bedside-password"
      />
      <Button
        type="submit"
        size="xl"
        loading={verify.isPending}
        disabled={!scans.wristband.trim() || !scans.product.trim() || !second.username || !second.password || !password}
        data-testid="bedside-verify-submit"
      >
        {t('bedside.verification.submit')}
      </Button>
    </Stack>
  );
}

/** The latest verification that can still be followed by the infusion. */
function currentVerification(s: ShipmentDetail): Verification | null {
  const last = s.verifications.at(-1);
  if (!last || s.infusion) return null;
  return Date.now() - Date.parse(last.verifiedAt) <= VALID_MINUTES * 60_000 ? last : null;
}

function BedsideSteps({ shipment }: { shipment: ShipmentDetail }) {
  const { t } = useTranslation();
  const [verified, setVerified] = useState<Verification | null>(() => currentVerification(shipment));
  if (shipment.infusion) {
    return (
      <Alert color="teal" title={t('bedside.infusion.doneTitle')} data-testid="bedside-infused">
        {t('bedside.infusion.recorded', {
          cells: millions(shipment.infusion.dose.carPositiveCells),
          perKg: millions(shipment.infusion.dose.cellsPerKg),
        })}
      </Alert>
    );
  }
  if (!verified) return <VerifyForm shipment={shipment} onVerified={setVerified} />;
  return (
    <Stack>
      <Alert
        color="teal"
        variant="filled"
        title={t('bedside.verification.matchTitle')}
        data-testid="bedside-match"
        styles={{ title: { fontSize: 22 } }}
      >
        <Text size="lg">
          {verified.subjectCode} · DIN {verified.din} · {verified.coi}
        </Text>
        <Text size="sm">
          {t('bedside.verification.done', { first: verified.verifiedBy, second: verified.secondVerifier })} ·{' '}
          <DateTime value={verified.verifiedAt} />
        </Text>
      </Alert>
      <InfusionForm shipment={shipment} verification={verified} />
    </Stack>
  );
}

export function BedsidePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useShipment(id);
  return (
    <Stack maw={820} mx="auto" data-testid="bedside-page">
      <Anchor component={Link} to={`/bedside/shipments/${id}`} size="md">
        ← {t('bedside.verification.back')}
      </Anchor>
      <QueryView query={query}>
        {(s) => (
          <Stack>
            <Title order={2}>{t('bedside.verification.title')}</Title>
            <Text size="lg">
              {s.product} ·{' '}
              <Text span ff="monospace">
                {s.number}
              </Text>
            </Text>
            <BedsideSteps shipment={s} />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
