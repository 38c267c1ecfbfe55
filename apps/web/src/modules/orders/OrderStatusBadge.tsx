/** Coloured, translated order status. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  open: 'blue',
  collected: 'cyan',
  in_manufacturing: 'violet',
  released: 'teal',
  infused: 'green',
  cancelled: 'gray',
};

export function OrderStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" data-testid="order-status" data-status={status}>
      {t(`orderStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}
