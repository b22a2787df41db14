import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TTargetPopulation } from '@potreby/domain';
import { useNames } from '../app/names';
import { describeTarget } from '../norms/describe-target';

const raw = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};
const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v });

/** Fields whose stored codes have a name in the catalogue's translations, whatever the record. */
const CODE_LISTS: Record<string, string> = { providerKind: 'providerKinds', funding: 'funding' };
/** Fields whose codes depend on the kind of record (`status` of an assessment or of a plan's activity). */
const CODE_LISTS_BY_ENTITY: Record<string, Record<string, string>> = {
  user: { role: 'roles' },
  assessment: { status: 'assessments.statuses' },
  plan_measure: { status: 'plan.statuses' },
  assessment_method: { method: 'dataMethods.kinds' },
  finding: { method: 'dataMethods.kinds' },
};

/**
 * A value as the reader knows it: yes/no, a service type's or a country's name, a role or a
 * status in words; anything else as it was stored (names and texts entered by people).
 */
function useShow(entity: string) {
  const { t } = useTranslation();
  const names = useNames();
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
    if (field === 'serviceType' && typeof v === 'string') return names.serviceType(v);
    if (field === 'serviceTypes' && Array.isArray(v)) return v.map((s) => names.serviceType(String(s))).join(', ');
    if (field === 'country' && typeof v === 'string') return names.country(v);
    if (field === 'language' && typeof v === 'string') return names.languageName(v);
    if (field === 'target' && v && typeof v === 'object' && 'kind' in v) return describeTarget(t, v as TTargetPopulation);
    const list = CODE_LISTS_BY_ENTITY[entity]?.[field] ?? CODE_LISTS[field];
    if (list && typeof v === 'string') return t(`${list}.${v}`, { defaultValue: v });
    return raw(v);
  };
}

/** Field by field: what a change found and what it left; changed fields marked in words, not only colour. */
export function AuditDiff({ entity, before, after }: { entity: string; before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const show = useShow(entity);
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
            const changed = raw(b[k]) !== raw(a[k]);
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
                <Table.Td style={{ wordBreak: 'break-word' }}>{k in b ? show(k, b[k]) : '—'}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{k in a ? show(k, a[k]) : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
