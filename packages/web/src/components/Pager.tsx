import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';

/** Page buttons with names for screen readers, and "1–50 of 132". */
export function Pager({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm" wrap="wrap" gap="xs">
      <Text size="sm" data-testid="pager-summary">
        {t('common.showing', { from: fmt.number(from), to: fmt.number(to), total: fmt.number(total) })}
      </Text>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          size="sm"
          withEdges
          getItemProps={(p) => ({ 'aria-label': t('common.pageN', { page: p }) })}
          getControlProps={(control) => ({ 'aria-label': t(`common.pageControls.${control}`) })}
        />
      ) : null}
    </Group>
  );
}
