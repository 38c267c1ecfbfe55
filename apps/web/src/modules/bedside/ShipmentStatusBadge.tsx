import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShipmentStatus } from './bedside.types';

const COLORS: Record<ShipmentStatus, string> = {
  in_transit: 'blue',
  received: 'teal',
  stored: 'cyan',
  infused: 'grape',
};

export function ShipmentStatusBadge({ status }: { status: ShipmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="shipment-status" data-status={status}>
      {t(`bedside.status.${status}`)}
    </Badge>
  );
}
