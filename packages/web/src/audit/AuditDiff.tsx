import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};
const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v });

/** Field by field: what a change found and what it left; changed fields marked in words, not only colour. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0) return <Text size="sm">{t('audit.noDetails')}</Text>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder withColumnBorders verticalSpacing={2} fz="xs" data-testid="audit-diff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.field')}</Table.Th>
            <Table.Th scope="col">{t('audit.before')}</Table.Th>
            <Table.Th scope="col">{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((k) => {
            const changed = show(b[k]) !== show(a[k]);
            return (
              <Table.Tr key={k} bg={changed ? 'yellow.0' : undefined} data-changed={changed || undefined}>
                <Table.Th scope="row" fw={changed ? 700 : 400}>
                  {t(`audit.fields.${k}`, { defaultValue: k })}
                  {changed ? (
                    <Badge ml={6} size="xs" variant="light" color="indigo">
                      {t('audit.changed')}
                    </Badge>
                  ) : null}
                </Table.Th>
                <Table.Td style={{ wordBreak: 'break-word' }}>{k in b ? show(b[k]) : '—'}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{k in a ? show(a[k]) : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
