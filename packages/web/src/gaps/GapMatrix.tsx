import { useId, useState } from 'react';
import { Alert, Button, Center, Group, Loader, Paper, SegmentedControl, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconInfoCircle, IconTable } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { needUnitOf } from '@potreby/domain';
import type { TGapMatrix } from '@potreby/server/gaps/gap-matrix-schema';
import type { TGapRow } from '@potreby/server/gaps/schema';
import type { TTerritoryRef } from '@potreby/server/http/schema';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExplainDrawer } from './ExplainDrawer';
import type { GapView } from './gap-queries';
import { gapParts } from './GapTable';
import type { GapLabels } from './use-gap-labels';
import './gaps.css';

const FIGURES = ['coverage', 'gap', 'need', 'capacity'] as const;
type Figure = (typeof FIGURES)[number];
/** Sorted by the municipality's name, or by one service type's figure. */
type Sort = { by: 'name' | string; descending: boolean };

const useGapMatrix = (view: GapView, enabled: boolean) =>
  useQuery({
    queryKey: ['gaps', 'matrix', view.territoryId, view.year ?? null, view.method],
    queryFn: () => api.get<TGapMatrix>('/gaps/matrix', { territoryId: view.territoryId, year: view.year, method: view.method }),
    enabled,
    placeholderData: keepPreviousData,
  });

/**
 * Heat-map shades by coverage, always with the figure written in the cell (colour is never the
 * only carrier, WCAG 1.4.1); text stays dark on every shade for contrast.
 */
const shadeOf = (row: TGapRow): string | undefined => {
  if (row.coverage === null) return undefined;
  if (row.coverage < 0.5) return 'var(--mantine-color-red-1)';
  if (row.coverage < 0.9) return 'var(--mantine-color-yellow-1)';
  return 'var(--mantine-color-teal-1)';
};

const valueOf = (row: TGapRow, figure: Figure): number | null => row[figure];

/**
 * Every municipality × service type of the territory (rows × columns), one figure at a time,
 * sortable by name or by any service type; each cell opens the explanation of that
 * municipality's figures for that service type. Scrolls inside its own box on a phone.
 */
export function GapMatrix(props: { view: GapView; labels: GapLabels }) {
  const { t } = useTranslation();
  const { labels } = props;
  const [open, setOpen] = useState(false);
  const [figure, setFigure] = useState<Figure>('coverage');
  const [sort, setSort] = useState<Sort>({ by: 'name', descending: false });
  const [explained, setExplained] = useState<{ territoryId: number; serviceType: string } | null>(null);
  const query = useGapMatrix(props.view, open);
  const matrix = query.data;
  const figureLabelId = useId();
  const panelId = useId();

  const text = (row: TGapRow): { shown: string; spoken: string } => {
    if (row.need === null && figure !== 'capacity') return { shown: '—', spoken: t('gaps.noEstimate') };
    if (figure !== 'need' && figure !== 'capacity' && !row.comparable) return { shown: '≠', spoken: t('gaps.notComparable') };
    if (figure === 'coverage') return row.coverage === null ? { shown: '—', spoken: t('gaps.noNeed') } : { shown: labels.percent(row.coverage), spoken: labels.percent(row.coverage) };
    if (figure === 'gap') {
      const parts = gapParts(row.gap!, labels, t);
      return { shown: `${row.gap! > 0 ? '+' : row.gap! < 0 ? '−' : ''}${parts.number}`, spoken: parts.text };
    }
    const value = valueOf(row, figure)!;
    return { shown: labels.number(value, 1), spoken: labels.number(value, 1) };
  };

  const cell = (place: TTerritoryRef, row: TGapRow, testId: string) => {
    const { shown, spoken } = text(row);
    return (
      <Table.Td key={row.serviceType} className="gaps-num" style={{ background: figure === 'coverage' ? shadeOf(row) : undefined }}>
        <UnstyledButton
          className="gaps-figure"
          onClick={() => setExplained({ territoryId: place.id, serviceType: row.serviceType })}
          aria-label={t('gapMatrix.cellButton', { value: spoken, figure: t(`gaps.columns.${figure}`), serviceType: labels.serviceType(row.serviceType), territory: labels.territory(place) })}
          data-testid={testId}
        >
          {shown}
        </UnstyledButton>
      </Table.Td>
    );
  };

  const sorted = matrix ? sortUnits(matrix, sort, figure, labels) : [];
  const sortButton = (by: string, name: string) => {
    const active = sort.by === by;
    const Icon = !active ? IconArrowsSort : sort.descending ? IconArrowDown : IconArrowUp;
    return (
      <UnstyledButton
        onClick={() => setSort({ by, descending: active ? !sort.descending : by !== 'name' && figure !== 'coverage' })}
        aria-label={t('gapMatrix.sortBy', { column: name })}
        data-testid={`gap-matrix-sort-${by}`}
        style={{ display: 'inline-flex', alignItems: 'flex-start', gap: 4, textAlign: 'left', fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' }}
      >
        <span>{name}</span>
        <Icon size={14} aria-hidden style={{ flex: 'none', marginTop: 3 }} />
      </UnstyledButton>
    );
  };
  const ariaSort = (by: string) => (sort.by === by ? (sort.descending ? 'descending' : 'ascending') : undefined);
  const sticky = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const;

  return (
    <section aria-labelledby="gap-matrix-heading">
      <Group justify="space-between" align="flex-end" gap="xs" mb={4}>
        <Title order={2} size="h4" id="gap-matrix-heading">
          {t('gapMatrix.heading')}
        </Title>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconTable size={14} aria-hidden />}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          data-testid="gap-matrix-toggle"
        >
          {open ? t('gapMatrix.hide') : t('gapMatrix.show')}
        </Button>
      </Group>
      <Text size="sm" c="gray.7" mb="xs">
        {t('gapMatrix.help')}
      </Text>
      <div id={panelId} hidden={!open}>
        {open && (
          <Paper withBorder radius="md" p="sm">
            <Group gap="md" mb="sm" wrap="wrap" align="center">
              <Text component="span" id={figureLabelId} size="sm" fw={500}>
                {t('gapMatrix.figure')}
              </Text>
              <SegmentedControl
                aria-labelledby={figureLabelId}
                value={figure}
                onChange={(f) => setFigure(f as Figure)}
                data={FIGURES.map((f) => ({ value: f, label: t(`gaps.columns.${f}`) }))}
                size="xs"
                data-testid="gap-matrix-figure"
                style={{ maxWidth: '100%', overflowX: 'auto' }}
              />
            </Group>
            {figure === 'coverage' && (
              <Group gap="md" mb="xs" wrap="wrap" aria-hidden>
                {[
                  ['red', t('gapMatrix.legend.low')],
                  ['yellow', t('gapMatrix.legend.middle')],
                  ['teal', t('gapMatrix.legend.high')],
                ].map(([colour, label]) => (
                  <Group key={colour} gap={4} wrap="nowrap">
                    <span className="gaps-swatch" style={{ background: `var(--mantine-color-${colour}-1)` }} />
                    <Text size="xs">{label}</Text>
                  </Group>
                ))}
              </Group>
            )}
            <ErrorAlert error={query.error} />
            {query.isPending && (
              <Center py="md">
                <Loader aria-label={t('gaps.loading')} />
              </Center>
            )}
            {matrix && matrix.units.length === 0 && (
              <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
                {t('explain.noUnits')}
              </Alert>
            )}
            {matrix && matrix.units.length > 0 && (
              // Positioned, so that the visually hidden caption (absolute) scrolls with the table instead of widening the page.
              <Table.ScrollContainer minWidth={180 + matrix.serviceTypes.length * 110} type="native" style={{ position: 'relative' }} data-testid="gap-matrix-scroll">
                <Table withTableBorder withColumnBorders tabularNums verticalSpacing={4} horizontalSpacing={6} data-testid="gap-matrix">
                  <caption>
                    <VisuallyHidden>{t('gapMatrix.caption', { figure: t(`gaps.columns.${figure}`) })}</VisuallyHidden>
                  </caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" aria-sort={ariaSort('name')} style={{ ...sticky, zIndex: 2, minWidth: 150 }}>
                        {sortButton('name', labels.level(matrix.territory.country, 'municipality'))}
                      </Table.Th>
                      {matrix.serviceTypes.map((s) => (
                        <Table.Th key={s.key} scope="col" aria-sort={ariaSort(s.key)} style={{ verticalAlign: 'top', minWidth: 100, maxWidth: 160 }}>
                          {sortButton(s.key, labels.serviceType(s.key))}
                          <Text size="xs" c="gray.7">
                            {figure === 'coverage' ? '%' : labels.unitName(figure === 'need' ? needUnitOf(matrix.method, s.unit) : s.unit)}
                          </Text>
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sorted.map((u) => (
                      <Table.Tr key={u.territory.id} data-testid={`gap-matrix-row-${u.territory.code}`}>
                        <Table.Th scope="row" fw={500} style={sticky}>
                          {labels.territory(u.territory)}
                        </Table.Th>
                        {u.cells.map((row) => cell(u.territory, row, `gap-matrix-cell-${u.territory.code}-${row.serviceType}`))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr data-testid="gap-matrix-total">
                      <Table.Th scope="row" style={sticky}>
                        {t('gapMatrix.total', { territory: labels.territory(matrix.territory) })}
                      </Table.Th>
                      {matrix.totals.map((row) => cell(matrix.territory, row, `gap-matrix-total-${row.serviceType}`))}
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        )}
      </div>
      <ExplainDrawer
        view={{ ...props.view, territoryId: explained?.territoryId ?? props.view.territoryId }}
        serviceType={explained?.serviceType ?? null}
        labels={labels}
        onClose={() => setExplained(null)}
      />
    </section>
  );
}

/** Municipalities by name, or by one service type's figure with "no figure" always last. */
function sortUnits(matrix: TGapMatrix, sort: Sort, figure: Figure, labels: GapLabels) {
  const byName = (a: TGapMatrix['units'][number], b: TGapMatrix['units'][number]) => labels.territory(a.territory).localeCompare(labels.territory(b.territory), labels.language);
  const index = matrix.serviceTypes.findIndex((s) => s.key === sort.by);
  const units = [...matrix.units];
  if (index < 0) return units.sort((a, b) => (sort.descending ? -1 : 1) * byName(a, b));
  const shown = (row: TGapRow) => (figure !== 'need' && figure !== 'capacity' && !row.comparable ? null : valueOf(row, figure));
  return units.sort((a, b) => {
    const x = shown(a.cells[index]!);
    const y = shown(b.cells[index]!);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return (sort.descending ? y - x : x - y) || byName(a, b);
  });
}
