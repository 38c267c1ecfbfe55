/** New room (grade A–D, starts clean) and change of a room's status with the reason (facility:write). */
import {
  Button,
  Group,
  Modal,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';
import { StatusBadge } from '../common/badges';
import { ReasonField } from '../common/ReasonField';
import { RefusalAlert } from '../common/RefusalAlert';
import { GRADES, SETTABLE_ROOM_STATUSES, type Grade, type Room, type SettableRoomStatus } from '../facility.types';
import { useCreateRoom, useSetRoomStatus } from './facility.api';

export function RoomCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRoom();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [grade, setGrade] = useState<Grade | ''>('');
  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!grade) return;
    create.mutate(
      { code: code.trim(), name: name.trim(), grade },
      {
        onSuccess: (room) => {
          notifications.show({ color: 'teal', message: t('mfg.room.createdNotice', { code: room.code }) });
          setCode('');
          setName('');
          setGrade('');
          close();
        },
      },
    );
  };
  const err = create.error;
  return (
    <Modal opened={opened} onClose={close} title={t('mfg.room.new')} centered>
      <Stack component="form" onSubmit={submit} data-testid="room-form">
        {err && <RefusalAlert error={err} testId="room-error" />}
        <SimpleGrid cols={2}>
          <TextInput
            label={t('mfg.room.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
            required
            error={fieldError(err, 'code')}
            data-testid="room-code"
          />
          <NativeSelect
            label={t('mfg.room.grade')}
            data={[
              { value: '', label: t('common.choose'), disabled: true },
              ...GRADES.map((g) => ({ value: g, label: t('mfg.room.gradeValue', { grade: g }) })),
            ]}
            value={grade}
            onChange={(e) => setGrade(e.currentTarget.value as Grade)}
            required
            error={fieldError(err, 'grade')}
            data-testid="room-grade"
          />
        </SimpleGrid>
        <TextInput
          label={t('mfg.room.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={fieldError(err, 'name')}
          data-testid="room-name"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!grade} data-testid="room-submit">
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function RoomStatusModal({ room, onClose }: { room: Room | null; onClose: () => void }) {
  const { t } = useTranslation();
  const setStatus = useSetRoomStatus(room?.id ?? '');
  const [status, setValue] = useState<SettableRoomStatus>('clean');
  const [reason, setReason] = useState('');
  const close = () => {
    setStatus.reset();
    setReason('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!room) return;
    setStatus.mutate(
      { status, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('mfg.room.statusNotice', { code: room.code, status: t(`mfg.roomStatus.${status}`) }),
          });
          close();
        },
      },
    );
  };
  const err = setStatus.error;
  return (
    <Modal opened={room !== null} onClose={close} title={t('mfg.room.changeStatus')} centered size="lg">
      {room && (
        <Stack component="form" onSubmit={submit} data-testid="room-status-form">
          <Group gap="xs">
            <Text fw={600} ff="monospace">
              {room.code}
            </Text>
            <Text>{room.name}</Text>
            <StatusBadge kind="roomStatus" value={room.status} />
          </Group>
          {room.status === 'in_use' && (
            <Text size="sm" c="orange.8">
              {t('mfg.room.inUseNote')}
            </Text>
          )}
          {err && <RefusalAlert error={err} testId="room-status-error" />}
          <SegmentedControl
            value={status}
            onChange={(v) => setValue(v as SettableRoomStatus)}
            data={SETTABLE_ROOM_STATUSES.map((s) => ({ value: s, label: t(`mfg.roomStatus.${s}`) }))}
            fullWidth
            data-testid="room-status-value"
          />
          <ReasonField value={reason} onChange={setReason} error={err} testId="room-status-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={setStatus.isPending}
              disabled={!reason.trim()}
              data-testid="room-status-submit"
            >
              {t('mfg.common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
