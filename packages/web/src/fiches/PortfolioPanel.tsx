import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FICHE_STATUSES, type TFicheInput, type TFicheStatus } from '@potreby/domain';
import type { TPortfolio, TWorkshopView } from '@potreby/server/fiches/schema';
import { currencySign } from '@potreby/i18n';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useServiceTypes } from '../app/catalogue';
import { EChart, type EChartsCoreOption } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import { FicheForm, emptyFiche, type FicheDraft } from './FicheForm';
import { ficheKeys, usePortfolio, type PortfolioFilter } from './fiche-queries';

type Fiche = TPortfolio['items'][number];

const draftOf = (f: Fiche): FicheDraft => ({ ...f, activities: f.activities.join('\n'), partners: f.partners.join('\n') });

/**
 * The portfolio of a municipality's fiches: ranked by the transparent score (each part shown),
 * filtered by status, funding source and text, the money by status in a chart (with the same
 * figures in the table), each fiche opened, moved a step, and exported.
 */
export function PortfolioPanel({ municipalityId, country, workshops, writes }: { municipalityId: number; country: string; workshops: TWorkshopView[]; writes: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const client = useQueryClient();
  const catalogue = useServiceTypes();
  const [filter, setFilter] = useState<PortfolioFilter>({});
  const portfolio = usePortfolio(municipalityId, filter);
  const [editing, setEditing] = useState<{ id: number | null; draft: FicheDraft } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ficheKeys.all(municipalityId) });
  const save = useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: TFicheInput }) => (id === null ? api.post(`/municipalities/${municipalityId}/fiches`, input) : api.put(`/municipalities/${municipalityId}/fiches/${id}`, input)),
    onSuccess: async () => (setEditing(null), refresh()),
  });
  const move = useMutation({ mutationFn: ({ id, status }: { id: number; status: TFicheStatus }) => api.put(`/municipalities/${municipalityId}/fiches/${id}/status`, { status }), onSuccess: refresh });
  const data = portfolio.data;
  const currency = data ? currencySign(fmt.language, data.currency) : '';
  const money = (x: number) => `${fmt.number(x)} ${currency}`;
  const problems = workshops.flatMap((w) => w.entries.filter((e) => e.kind === 'problem').map((e) => ({ value: String(e.id), label: e.text })));
  const types = catalogue.items.filter((s) => s.country === country && !s.retiredAt).map((s) => names.serviceTypeOption(s));

  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      // Statuses down the side: their names stay readable on a phone.
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => money(v) },
      yAxis: { type: 'category', inverse: true, data: FICHE_STATUSES.map((s) => t(`fiches.statuses.${s}`)), axisLabel: { color: '#343a40', width: 120, overflow: 'break' } },
      xAxis: { type: 'value', splitNumber: 3, axisLabel: { color: '#343a40', formatter: (v: number) => fmt.number(v) } },
      series: [{ type: 'bar', name: t('fiches.totalCost'), data: FICHE_STATUSES.map((s) => data?.byStatus.find((b) => b.status === s)?.cost ?? 0), itemStyle: { color: '#1864ab' } }],
    }),
    [data, fmt.language],
  );

  if (editing) {
    return (
      <Stack>
        <ErrorAlert error={save.error} />
        <FicheForm initial={editing.draft} problems={problems} serviceTypes={types} saving={save.isPending} onSave={(input) => save.mutate({ id: editing.id, input })} onCancel={() => setEditing(null)} />
      </Stack>
    );
  }
  const items = data?.items ?? [];
  const file = (format: string, id?: number) => `/api/v1/municipalities/${municipalityId}/fiches/${id === undefined ? '' : `${id}/`}document/${format}`;
  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        {writes ? (
          <Button onClick={() => setEditing({ id: null, draft: emptyFiche(new Date().getFullYear() + 1) })} data-testid="fiche-new">
            {t('fiches.ui.newFiche')}
          </Button>
        ) : null}
        <Text size="sm">{t('fiches.ui.export')}:</Text>
        {(['docx', 'pdf', 'xlsx'] as const).map((f) => (
          <Anchor key={f} href={file(f)} download data-testid={`portfolio-${f}`}>
            {f.toUpperCase()}
          </Anchor>
        ))}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select label={t('fiches.status')} data={FICHE_STATUSES.map((s) => ({ value: s, label: t(`fiches.statuses.${s}`) }))} value={filter.status ?? null} onChange={(v) => setFilter({ ...filter, status: v ?? undefined })} clearable placeholder={t('fiches.ui.all')} data-testid="filter-status" />
        <TextInput label={t('fiches.ui.search')} value={filter.q ?? ''} onChange={(e) => setFilter({ ...filter, q: e.currentTarget.value })} data-testid="filter-text" />
      </Group>
      <ErrorAlert error={portfolio.error ?? move.error} />
      <ListTable
        query={portfolio}
        count={items.length}
        empty={t('fiches.ui.noFiches')}
        // Four columns with the score's parts: on a phone the table scrolls sideways in its own box.
        minWidth={600}
        testId="fiches-table"
        columns={[
          { key: 'title', label: t('fiches.title') },
          { key: 'score', label: t('fiches.score'), numeric: true },
          { key: 'cost', label: t('fiches.totalCost'), numeric: true },
          { key: 'status', label: t('fiches.status') },
        ]}
      >
        {items.map((f, i) => (
          <Table.Tr key={f.id} data-testid="fiche-row">
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Text fw={600} size="sm">
                {i + 1}. {f.title}
              </Text>
              <Text size="xs" c="dimmed">
                {t('fiches.peopleReached')}: {f.peopleReached === null ? t('fiches.document.unknown') : fmt.number(f.peopleReached)}
              </Text>
              <Group gap="xs" mt={4}>
                {writes ? (
                  <Anchor component="button" size="xs" onClick={() => setEditing({ id: f.id, draft: draftOf(f) })} data-testid="fiche-edit">
                    {t('common.edit')}
                  </Anchor>
                ) : null}
                <Anchor size="xs" href={file('docx', f.id)} download>
                  DOCX
                </Anchor>
                <Anchor size="xs" href={file('pdf', f.id)} download>
                  PDF
                </Anchor>
              </Group>
            </Table.Td>
            <Table.Td style={{ textAlign: 'end' }}>
              <Text fw={600} data-testid="fiche-score">
                {fmt.number(f.score.total, 1)}
              </Text>
              <Text size="xs" c="dimmed" data-testid="fiche-score-parts">
                {t('fiches.ui.parts', { gap: fmt.number(f.score.gap.points, 1), reach: fmt.number(f.score.reach.points, 1), cost: fmt.number(f.score.cost.points, 1) })}
              </Text>
            </Table.Td>
            <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>{money(f.totalCost)}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color="#1864ab" data-testid="fiche-status">
                {t(`fiches.statuses.${f.status}`)}
              </Badge>
              {writes ? (
                <Group gap={4} mt={4} wrap="nowrap">
                  {FICHE_STATUSES.indexOf(f.status) > 0 ? (
                    <Button size="compact-xs" variant="subtle" onClick={() => move.mutate({ id: f.id, status: FICHE_STATUSES[FICHE_STATUSES.indexOf(f.status) - 1]! })} aria-label={t('fiches.ui.back', { status: t(`fiches.statuses.${FICHE_STATUSES[FICHE_STATUSES.indexOf(f.status) - 1]}`) })}>
                      ←
                    </Button>
                  ) : null}
                  {FICHE_STATUSES.indexOf(f.status) < FICHE_STATUSES.length - 1 ? (
                    <Button size="compact-xs" variant="subtle" onClick={() => move.mutate({ id: f.id, status: FICHE_STATUSES[FICHE_STATUSES.indexOf(f.status) + 1]! })} aria-label={t('fiches.ui.forward', { status: t(`fiches.statuses.${FICHE_STATUSES[FICHE_STATUSES.indexOf(f.status) + 1]}`) })} data-testid="fiche-forward">
                      →
                    </Button>
                  ) : null}
                </Group>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <Text size="xs" c="dimmed">
        {t('fiches.document.scoreNote')}
      </Text>
      {items.length > 0 ? <EChart option={option} height={260} ariaLabel={t('fiches.ui.chartLabel')} data-testid="portfolio-chart" /> : null}
    </Stack>
  );
}
