import { useState } from 'react';
import { Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRoundView } from '@potreby/server/planning/schema';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import { useAgreementComparison, type TComparison, type TVersionSummary } from './agreement-queries';
import { DANGER_COLOUR, SUCCESS_COLOUR, WARNING_COLOUR } from '../questionnaires/colours';

type Row = TComparison['rows'][number];
type Value = string | number | boolean | null;

/** A change is named in words and marked by weight and a badge, never by colour alone. */
// Colours that keep small text readable (questionnaires/colours.ts): Mantine's orange and teal do not.
const BADGE_COLOUR: Record<Row['change'], string> = { added: SUCCESS_COLOUR, removed: DANGER_COLOUR, changed: WARNING_COLOUR, same: 'gray.7' };

/**
 * Two versions side by side: every party, shared service and item that differs, with the earlier
 * and later values and the changed fields named; the same rows are left out.
 */
export function AgreementCompare({ round, versions, name }: { round: TRoundView; versions: TVersionSummary[]; name: (municipalityId: number) => string }) {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  const earlier = a ?? versions[1]?.id ?? null;
  const later = b ?? versions[0]?.id ?? null;
  const comparison = useAgreementComparison(round.id, versions.length > 1 ? earlier : null, versions.length > 1 ? later : null);
  const rows = (comparison.data?.rows ?? []).filter((r) => r.change !== 'same');

  const fieldName = (field: string) => {
    const [head, id] = field.split('.');
    if (head === 'places' && id) return t('agreement.field.placesOf', { name: name(Number(id)) });
    if (head === 'cost' && id) return t('agreement.field.costOf', { name: name(Number(id)) });
    return t(`agreement.field.${field}`);
  };
  const show = (field: string, value: Value | undefined): string => {
    if (value === undefined || value === null) return field.startsWith('cost') ? t('agreement.noCost') : '—';
    if (field === 'host' || field === 'municipalityId') return name(Number(value));
    if (field === 'serviceType') return names.serviceType(String(value));
    if (field === 'unit') return t(`agreement.unit.${value}`);
    if (field === 'action') return t(`agreement.actions.${value}`);
    if (field === 'fundingSource') return t(`fundingSources.${value}`);
    if (typeof value === 'number' && field !== 'startYear') return fmt.number(value);
    return String(value);
  };
  const title = (r: Row) => {
    const v = r.b ?? r.a ?? {};
    if (r.section === 'party') return name(r.key);
    return `${names.serviceType(String(v.serviceType ?? ''))} — ${name(Number(r.section === 'service' ? v.host : v.municipalityId))}`;
  };
  const cell = (r: Row, side: 'a' | 'b') => {
    const values = r[side];
    if (!values) return <Text size="sm" c="gray.7">—</Text>;
    const fields = r.change === 'changed' ? r.fields : Object.keys(values);
    return (
      <Stack gap={0}>
        {fields.map((f) => (
          <Text key={f} size="sm" fw={r.change === 'changed' ? 700 : 400}>
            {fieldName(f)}: {show(f, values[f])}
          </Text>
        ))}
      </Stack>
    );
  };
  const options = versions.map((v) => ({ value: String(v.id), label: t('agreement.version', { number: v.number }) }));

  return (
    <Stack gap="sm" mt="md">
      <Title order={3} size="h4">
        {t('agreement.compare')}
      </Title>
      {versions.length < 2 ? (
        <Text size="sm" data-testid="agreement-compare-none">
          {t('agreement.compareNone')}
        </Text>
      ) : (
        <>
          <Group gap="sm" wrap="wrap">
            <Select label={t('agreement.compareA')} data={options} value={earlier === null ? null : String(earlier)} onChange={(v) => setA(v === null ? null : Number(v))} allowDeselect={false} maw={220} data-testid="agreement-compare-a" />
            <Select label={t('agreement.compareB')} data={options} value={later === null ? null : String(later)} onChange={(v) => setB(v === null ? null : Number(v))} allowDeselect={false} maw={220} data-testid="agreement-compare-b" />
          </Group>
          <ErrorAlert error={comparison.error} />
          <ListTable
            query={comparison}
            count={rows.length}
            empty={t('agreement.noDifferences')}
            emptyTestId="agreement-compare-same"
            minWidth={640}
            testId="agreement-compare"
            columns={[
              { key: 'row', label: t('agreement.compareRow') },
              { key: 'a', label: t('agreement.compareA') },
              { key: 'b', label: t('agreement.compareB') },
            ]}
          >
            {rows.map((r) => (
              <Table.Tr key={`${r.section}-${r.key}`} data-testid="agreement-compare-row" data-change={r.change}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {t(`agreement.section.${r.section}`)}: {title(r)}
                  </Text>
                  <Badge size="sm" variant="outline" color={BADGE_COLOUR[r.change]} mt={4}>
                    {t(`agreement.change.${r.change}`)}
                  </Badge>
                  {r.change === 'changed' ? <Text size="xs">{t('agreement.changedFields', { fields: r.fields.map(fieldName).join(', ') })}</Text> : null}
                </Table.Td>
                <Table.Td>{cell(r, 'a')}</Table.Td>
                <Table.Td>{cell(r, 'b')}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </>
      )}
    </Stack>
  );
}
