/**
 * The liver scores a panel's data allows (MELD, MELD-Na, MELD 3.0, Child-Pugh, ALBI, APRI, FIB-4), each in a
 * card with `score-<name>`; a score the data does not allow says what it still needs.
 */
import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SCORE_KEYS, type ScoreKey, type Scores } from './labs.types';

const TEST_IDS: Record<ScoreKey, string> = {
  meld: 'score-meld',
  meldNa: 'score-meld-na',
  meld3: 'score-meld3',
  childPugh: 'score-child-pugh',
  albi: 'score-albi',
  apri: 'score-apri',
  fib4: 'score-fib4',
};

/** The score's headline value as printed: "18", "B (8)", "−2.31 (grade 2)". */
export function scoreValue(key: ScoreKey, scores: Scores, t: (k: string, o?: Record<string, unknown>) => string): string | null {
  const minus = (x: number) => String(x).replace('-', '−');
  switch (key) {
    case 'meld':
      return scores.meld ? String(scores.meld.score) : null;
    case 'meldNa':
      return scores.meldNa ? String(scores.meldNa.score) : null;
    case 'meld3':
      return scores.meld3 ? String(scores.meld3.score) : null;
    case 'childPugh':
      return scores.childPugh ? t('clinical.labs.scores.childPughValue', { class: scores.childPugh.class, points: scores.childPugh.points }) : null;
    case 'albi':
      return scores.albi ? t('clinical.labs.scores.albiValue', { score: minus(scores.albi.score), grade: scores.albi.grade }) : null;
    case 'apri':
      return scores.apri ? minus(scores.apri.score) : null;
    case 'fib4':
      return scores.fib4 ? minus(scores.fib4.score) : null;
  }
}

export function ScoresPanel({ scores, pending }: { scores: Scores | undefined; pending?: boolean }) {
  const { t } = useTranslation();
  return (
    <div aria-live="polite" aria-busy={pending ? true : undefined} data-testid="scores-panel">
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs">
        {SCORE_KEYS.map((key) => {
          const value = scores ? scoreValue(key, scores, t) : null;
          return (
            <Paper key={key} withBorder p="sm" data-testid={TEST_IDS[key]} data-value={value ?? ''} bg={value ? 'teal.0' : undefined}>
              <Text size="xs" fw={700} tt="uppercase" c="gray.8">
                {t(`clinical.labs.scores.names.${key}`)}
              </Text>
              <Text fw={700} size="lg">
                {value ?? '—'}
              </Text>
              {!value && <Text size="xs">{t(`clinical.labs.scores.needs.${key}`)}</Text>}
            </Paper>
          );
        })}
      </SimpleGrid>
    </div>
  );
}
