import { useMemo, useState } from 'react';
import { Alert, Anchor, Center, Group, Loader, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TGapDashboard, TUnitTotal } from '@potreby/server/gaps/schema';
import type { TBoundaries } from '@potreby/server/geo/schema';
import { EChart, registerMap, type EChartsCoreOption } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { html } from '../components/escape-html';
import { useBoundaries, useGapMap, type GapView } from './gap-queries';
import type { GapLabels } from './use-gap-labels';
import './gaps.css';

type Unit = TGapDashboard['units'][number];

const NO_DATA = -1;
const NO_DATA_COLOUR = '#dee2e6';
/** Coverage bands, low to high (ColorBrewer RdYlBu, readable for the common colour blindness). */
const BANDS = [
  { min: 0, max: 0.25, color: '#d73027' },
  { min: 0.25, max: 0.5, color: '#fc8d59' },
  { min: 0.5, max: 0.75, color: '#fee090' },
  { min: 0.75, max: 1, color: '#91bfdb' },
  { min: 1, max: null, color: '#4575b4' },
] as const;

/** `hrefFor` gives the dashboard of a municipality (same year and method). */
export function CoverageMap(props: {
  view: GapView;
  dashboard: TGapDashboard;
  labels: GapLabels;
  hrefFor: (territoryId: number) => string;
  onOpen: (territoryId: number) => void;
}) {
  const { t } = useTranslation();
  const { view, dashboard, labels } = props;
  const [serviceType, setServiceType] = useState<string | null>(null);
  const boundaries = useBoundaries(view.territoryId);
  const map = useGapMap(view, serviceType);
  // A service type of another territory's table no longer applies.
  const chosen = serviceType && dashboard.rows.some((r) => r.serviceType === serviceType) ? serviceType : null;
  const units: Unit[] = chosen ? (map.data?.units ?? []) : dashboard.units;

  const typeOptions = [
    { value: '', label: t('map.allServices') },
    ...dashboard.rows.map((r) => ({ value: r.serviceType, label: labels.serviceType(r.serviceType) })),
  ];

  return (
    <Stack gap="sm">
      <Select
        label={t('map.serviceType')}
        data={typeOptions}
        value={chosen ?? ''}
        onChange={(v) => setServiceType(v ? v : null)}
        allowDeselect={false}
        maw={480}
        data-testid="map-service-type"
        comboboxProps={{ withinPortal: true }}
      />
      {boundaries.isPending && (
        <Center h={200}>
          <Loader aria-label={t('map.loading')} />
        </Center>
      )}
      <ErrorAlert error={boundaries.error ?? map.error} />
      {boundaries.data &&
        (boundaries.data.features.length === 0 ? (
          <Alert color="gray" icon={<IconMapOff aria-hidden />} title={t('map.noBoundariesTitle')} data-testid="map-no-boundaries">
            {t('map.noBoundaries')}
          </Alert>
        ) : (
          <Choropleth
            boundaries={boundaries.data}
            territoryId={view.territoryId}
            units={units}
            labels={labels}
            title={chosen ? labels.serviceType(chosen) : t('map.allServices')}
            onOpen={props.onOpen}
          />
        ))}
      <Title order={3} size="h5" id="map-table-heading">
        {t('map.tableHeading')}
      </Title>
      <CoverageList units={units} labels={labels} hrefFor={props.hrefFor} busy={chosen !== null && map.isFetching} />
    </Stack>
  );
}

function Choropleth(props: { boundaries: TBoundaries; territoryId: number; units: Unit[]; labels: GapLabels; title: string; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { boundaries, units, labels, onOpen } = props;
  const phone = useMediaQuery('(max-width: 600px)');
  const mapName = `potreby-${props.territoryId}`;
  // Registered before the option that uses it; the same name is re-registered for new boundaries.
  useMemo(() => registerMap(mapName, boundaries as never), [mapName, boundaries]);

  const idByCode = useMemo(() => new Map(boundaries.features.map((f) => [f.properties.code, f.properties.id])), [boundaries]);
  const nameByCode = useMemo(
    () => new Map(boundaries.features.map((f) => [f.properties.code, f.properties.name])),
    [boundaries],
  );
  const key = `${labels.language}|${props.title}`;
  const option = useMemo<EChartsCoreOption>(() => {
    const byCode = new Map(units.map((u) => [u.territory.code, u]));
    const nameOf = (code: string) => {
      const u = byCode.get(code);
      return u ? labels.territory(u.territory) : (nameByCode.get(code) ?? code);
    };
    const pct = labels.percent;
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value?: number }) => {
          const u = byCode.get(p.name);
          const value = typeof p.value === 'number' && p.value !== NO_DATA && !Number.isNaN(p.value) ? pct(p.value) : u ? coverageText(u, labels, t) : t('map.noData');
          // Need and capacity per unit on lines of their own: places are never added to persons a year.
          const lines = u
            ? [
                ...u.need.map((n) => html`${t('gaps.columns.need')}: ${totalText(n, labels, t)}`),
                ...u.capacity.map((c) => html`${t('gaps.columns.capacity')}: ${totalText(c, labels, t)}`),
              ]
            : [];
          return [html`${nameOf(p.name)}: ${value}`, ...lines].join('<br>');
        },
      },
      // The legend is drawn in HTML below the map, where it wraps on a phone and can be read out.
      visualMap: {
        type: 'piecewise',
        show: false,
        pieces: [
          { value: NO_DATA, color: NO_DATA_COLOUR },
          ...BANDS.map((b) => (b.max === null ? { gte: b.min, color: b.color } : { gte: b.min, lt: b.max, color: b.color })),
        ],
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          roam: false,
          top: 8,
          bottom: 8,
          selectedMode: false,
          cursor: 'pointer',
          label: {
            show: boundaries.features.length <= 40,
            fontSize: 11,
            color: '#212529',
            textBorderColor: '#fff',
            textBorderWidth: 2,
            formatter: (p: { name: string }) => nameOf(p.name),
          },
          itemStyle: { areaColor: NO_DATA_COLOUR, borderColor: '#495057', borderWidth: 0.6 },
          emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1.5 }, label: { show: true } },
          data: boundaries.features.map((f) => {
            const u = byCode.get(f.properties.code);
            return { name: f.properties.code, value: u && u.coverage !== null ? u.coverage : NO_DATA };
          }),
        },
      ],
    };
    // Names follow the language, which is in the key.
  }, [mapName, units, boundaries, key, nameByCode]);

  const onEvents = useMemo(
    () => ({
      click: (p: { name?: string }) => {
        const id = p.name ? idByCode.get(p.name) : undefined;
        if (id !== undefined) onOpen(id);
      },
    }),
    [idByCode, onOpen],
  );

  return (
    <div className="gaps-map-box">
      <EChart option={option} onEvents={onEvents} height={phone ? 340 : 460} ariaLabel={t('map.ariaLabel', { what: props.title })} data-testid="coverage-map" />
      <Legend labels={labels} />
      <VisuallyHidden>{t('map.tableHint')}</VisuallyHidden>
    </div>
  );
}

/** What each colour means: coverage bands from none to full, and "no data". */
function Legend({ labels }: { labels: GapLabels }) {
  const { t } = useTranslation();
  const pct = labels.percent;
  const items = [
    ...BANDS.map((b) => ({
      color: b.color,
      label: b.max === null ? t('map.bandOver', { from: pct(b.min) }) : t('map.band', { from: pct(b.min), to: pct(b.max) }),
    })),
    { color: NO_DATA_COLOUR, label: t('map.noData') },
  ];
  return (
    <Group gap="md" justify="center" mt="xs" component="ul" aria-label={t('map.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="map-legend">
      {items.map((i) => (
        <Group key={i.label} gap={6} component="li" wrap="nowrap">
          <span className="gaps-swatch" style={{ background: i.color }} aria-hidden />
          <Text size="sm">{i.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** The map's figures as a table: the text alternative, and a way to open each municipality. */
function CoverageList(props: { units: Unit[]; labels: GapLabels; hrefFor: (id: number) => string; busy: boolean }) {
  const { t } = useTranslation();
  const { labels } = props;
  const sorted = [...props.units].sort((a, b) => labels.territory(a.territory).localeCompare(labels.territory(b.territory), labels.language));
  if (sorted.length === 0) return <Text size="sm">{t('map.noUnits')}</Text>;
  // Two gminas may share a name (a town and the rural gmina around it): then the code tells them apart.
  const seen = new Map<string, number>();
  for (const u of sorted) seen.set(labels.territory(u.territory), (seen.get(labels.territory(u.territory)) ?? 0) + 1);
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped tabularNums aria-labelledby="map-table-heading" aria-busy={props.busy} data-testid="coverage-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('map.columns.unit')}</Table.Th>
            <Table.Th scope="col" className="gaps-num">
              {t('gaps.columns.coverage')}
            </Table.Th>
            <Table.Th scope="col" className="gaps-num">
              {t('gaps.columns.need')}
            </Table.Th>
            <Table.Th scope="col" className="gaps-num">
              {t('gaps.columns.capacity')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((u) => (
            <Table.Tr key={u.territory.id} data-testid={`coverage-${u.territory.code}`}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={props.hrefFor(u.territory.id)} size="sm">
                  {labels.territory(u.territory)}
                </Anchor>
                {(seen.get(labels.territory(u.territory)) ?? 0) > 1 && (
                  <Text span size="xs" c="gray.7">
                    {' '}
                    · {u.territory.code}
                  </Text>
                )}
              </Table.Th>
              <Table.Td className="gaps-num" data-testid={`coverage-value-${u.territory.code}`}>
                {coverageText(u, labels, t)}
              </Table.Td>
              <Table.Td className="gaps-num" data-testid={`coverage-need-${u.territory.code}`}>
                <PerUnit totals={u.need} labels={labels} />
              </Table.Td>
              <Table.Td className="gaps-num" data-testid={`coverage-capacity-${u.territory.code}`}>
                <PerUnit totals={u.capacity} labels={labels} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** A municipality's coverage, or why it has none ("no estimate", "not comparable"). */
function coverageText(u: Unit, labels: GapLabels, t: T): string {
  if (u.coverage !== null) return labels.percent(u.coverage);
  if (u.missing === 'not_comparable') return t('gaps.notComparable');
  if (u.missing) return `${t('gaps.noEstimate')} (${labels.why(u.missing)})`;
  return t('map.noData');
}

/** "2,015 places", or "no estimate" for a unit without a figure: never 0. */
function totalText(total: TUnitTotal, labels: GapLabels, t: T): string {
  return total.value === null ? `${t('gaps.noEstimate')} (${labels.unitName(total.unit)})` : labels.amount(total.value, total.unit);
}

/** Figures of several units one under the other, never added together. */
function PerUnit({ totals, labels }: { totals: TUnitTotal[]; labels: GapLabels }) {
  const { t } = useTranslation();
  if (totals.length === 0) return <>—</>;
  return (
    <>
      {totals.map((total) => (
        <span key={total.unit} className={total.value === null ? 'gaps-per-unit gaps-no-figure' : 'gaps-per-unit'} data-unit={total.unit}>
          {totalText(total, labels, t)}
        </span>
      ))}
    </>
  );
}
