/** New room (grade A–D, starts clean) and change of a room's status with the reason (facility:write). */
import { Group, Modal, SegmentedControl, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';
import { ReasonField } from '../../../components/ReasonField';
import { StatusBadge } from '../common/badges';
import { CodeInput } from '../common/CodeInput';
import { ChoiceSelect } from '../common/CodeSelect';
import { FormModal, ModalForm } from '../common/ModalForm';
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
  const submit = () => {
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
    <FormModal
      opened={opened}
      title={t('mfg.room.new')}
      testId="room-form"
      error={err}
      errorTestId="room-error"
      onSubmit={submit}
      onCancel={close}
      submitLabel={t('common.create')}
      submitTestId="room-submit"
      loading={create.isPending}
      disabled={!grade}
    >
      <SimpleGrid cols={2}>
        <CodeInput
          label={t('mfg.room.code')}
          value={code}
          onChange={setCode}
          error={fieldError(err, 'code')}
          testId="room-code"
        />
        <ChoiceSelect
          label={t('mfg.room.grade')}
          codes={GRADES}
          wordOf={(g) => t('mfg.room.gradeValue', { grade: g })}
          value={grade}
          onChange={setGrade}
          required
          error={fieldError(err, 'grade')}
          testId="room-grade"
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
    </FormModal>
  );
}

function RoomHeading({ room }: { room: Room }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
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
  const submit = () => {
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
        <ModalForm
          testId="room-status-form"
          intro={<RoomHeading room={room} />}
          error={err}
          errorTestId="room-status-error"
          onSubmit={submit}
          onCancel={close}
          submitLabel={t('mfg.common.save')}
          submitTestId="room-status-submit"
          loading={setStatus.isPending}
          disabled={!reason.trim()}
        >
          <SegmentedControl
            value={status}
            onChange={(v) => setValue(v as SettableRoomStatus)}
            data={SETTABLE_ROOM_STATUSES.map((s) => ({ value: s, label: t(`mfg.roomStatus.${s}`) }))}
            fullWidth
            data-testid="room-status-value"
          />
          <ReasonField value={reason} onChange={setReason} error={err} testId="room-status-reason" />
        </ModalForm>
      )}
    </Modal>
  );
}
