import { useCallback, useId, useState } from 'react';
import { Alert, Center, Group, Loader, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { GAP_METHODS, type TGapMethod } from '@potreby/domain';
import type { TTerritoryList } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { DemoBadge } from '../components/DemoBadge';
import { PageTitle } from '../components/PageTitle';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { RegistryYearWarning } from '../service-sites/RegistryYearWarning';
import { CoverageMap } from './CoverageMap';
import { ExplainDrawer } from './ExplainDrawer';
import { useGapDashboard, useGapMethods, type GapView } from './gap-queries';
import { GapChart } from './GapChart';
import { GapMatrix } from './GapMatrix';
import { GapSummary } from './GapSummary';
import { GapTable } from './GapTable';
import { useGapLabels } from './use-gap-labels';

/** Territory of the province shown to an administrator, who belongs to no territory. */
const DEMO_REGION_CODE = 'PAZ';

const isMethod = (v: string | null): v is TGapMethod => GAP_METHODS.includes(v as TGapMethod);

/** `/gaps/:territoryId?year=&method=`: the URL holds the whole view, so it can be shared. */
export function GapDashboardPage() {
  const { territoryId } = useParams();
  const id = Number(territoryId);
  if (!territoryId || !Number.isInteger(id)) return <OwnTerritory />;
  return <Dashboard territoryId={id} />;
}

/** `/gaps` opens the user's own territory; an administrator sees the demonstration province. */
function OwnTerritory() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { search } = useLocation();
  const fallback = useQuery({
    queryKey: ['gaps', 'default-territory'],
    enabled: user !== null && user.territory === null,
    queryFn: async () => {
      const demo = await api.get<TTerritoryList>('/territories', { q: DEMO_REGION_CODE, limit: 20 });
      const region = demo.items.find((i) => i.code === DEMO_REGION_CODE);
      if (region) return region.id;
      const top = await api.get<TTerritoryList>('/territories');
      return top.items[0]?.id ?? null;
    },
  });
  const target = user?.territory?.id ?? fallback.data;
  if (target) return <Navigate to={`/gaps/${target}${search}`} replace />;
  return (
    <>
      <PageTitle title={t('gaps.title')} />
      {fallback.isPending && user?.territory === null ? (
        <Center py="xl">
          <Loader aria-label={t('gaps.loading')} />
        </Center>
      ) : (
        <>
          <ErrorAlert error={fallback.error} />
          {fallback.data === null && (
            <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
              {t('gaps.noTerritories')}
            </Alert>
          )}
        </>
      )}
    </>
  );
}

function Dashboard({ territoryId }: { territoryId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const yearParam = Number(params.get('year'));
  const methodParam = params.get('method');
  const view: GapView = {
    territoryId,
    year: Number.isInteger(yearParam) && yearParam > 0 ? yearParam : undefined,
    method: isMethod(methodParam) ? methodParam : 'normative',
  };
  const query = useGapDashboard(view);
  const dashboard = query.data;
  const labels = useGapLabels(dashboard?.territory.country);
  // Methods with no estimate here are marked on the switch, before anyone picks them.
  const estimates = useGapMethods(territoryId, view.year).data?.methods;
  const [explained, setExplained] = useState<string | null>(null);
  const methodLabelId = useId();

  const hrefFor = useCallback(
    (id: number, change: Partial<Pick<GapView, 'year' | 'method'>> = {}) => {
      const next = new URLSearchParams();
      const year = 'year' in change ? change.year : view.year;
      if (year) next.set('year', String(year));
      next.set('method', change.method ?? view.method);
      return `/gaps/${id}?${next.toString()}`;
    },
    [view.year, view.method],
  );
  const openUnit = useCallback((id: number) => navigate(hrefFor(id)), [navigate, hrefFor]);
  const openExplain = useCallback((serviceType: string) => setExplained(serviceType), []);

  // The figures shown belong to the year the server chose when the URL names none.
  const shownView: GapView = { ...view, year: view.year ?? dashboard?.year };
  const yearOptions = [...new Set([...(dashboard?.years ?? []), ...(shownView.year ? [shownView.year] : [])])]
    .sort((a, b) => b - a)
    .map(String);
  const title = dashboard ? t('gaps.titleFor', { territory: labels.territory(dashboard.territory) }) : t('gaps.title');

  return (
    <Stack gap="lg">
      <PageTitle title={title}>
        {dashboard?.demoSites && <DemoBadge kind="demo" />}
        {dashboard?.illustrativeNorms && <DemoBadge kind="illustrative" />}
        <ExportButtons
          table="gaps"
          query={{ territoryId, year: shownView.year, method: view.method }}
          label={t('gaps.exportLabel')}
        />
      </PageTitle>

      <Paper withBorder p="md" radius="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <div style={{ flex: '1 1 320px', maxWidth: 520 }}>
            <TerritoryPicker
              label={t('gaps.controls.territory')}
              value={territoryId}
              levels={['country', 'region', 'district', 'municipality']}
              clearable={false}
              // Another country's units have other years: let the server pick the newest there.
              onChange={(id, picked) => id !== null && navigate(hrefFor(id, picked && picked.country !== dashboard?.territory.country ? { year: undefined } : {}))}
              data-testid="gaps-territory"
            />
          </div>
          <Select
            label={t('gaps.controls.year')}
            data={yearOptions}
            value={shownView.year ? String(shownView.year) : null}
            onChange={(v) => v && navigate(hrefFor(territoryId, { year: Number(v) }))}
            allowDeselect={false}
            w={120}
            disabled={!dashboard}
            data-testid="gaps-year"
            comboboxProps={{ withinPortal: true }}
          />
          <div>
            <Text component="span" id={methodLabelId} size="sm" fw={500} display="block" mb={4}>
              {t('gaps.controls.method')}
            </Text>
            <SegmentedControl
              aria-labelledby={methodLabelId}
              value={view.method}
              onChange={(m) => navigate(hrefFor(territoryId, { method: m as TGapMethod }))}
              data={GAP_METHODS.map((m) => ({
                value: m,
                label: estimates?.some((e) => e.method === m && !e.estimate) ? t('gaps.methodNoEstimate', { method: t(`methodsShort.${m}`) }) : t(`methodsShort.${m}`),
              }))}
              data-testid="gaps-method"
            />
          </div>
        </Group>
        <Text size="sm" c="gray.7" mt="xs" data-testid="gaps-method-description">
          {t(`methods.${view.method}`)}
        </Text>
      </Paper>

      <ErrorAlert error={query.error} />
      {dashboard && !dashboard.estimate.estimate && (
        <Alert color="orange" icon={<IconInfoCircle aria-hidden />} data-testid="gaps-no-estimate">
          {t('gaps.noEstimateFor', {
            method: t(`methodsShort.${dashboard.method}`),
            reason: dashboard.estimate.missing ? labels.why(dashboard.estimate.missing) : t('gaps.noEstimate'),
          })}
        </Alert>
      )}
      {query.isPending && (
        <Center py="xl">
          <Loader aria-label={t('gaps.loading')} />
        </Center>
      )}

      {dashboard && (
        <>
          <Text size="sm" c="gray.7" data-testid="gaps-context">
            {t('gaps.context', {
              level: labels.level(dashboard.territory.country, dashboard.territory.level),
              territory: labels.territory(dashboard.territory),
              year: dashboard.year,
              method: t(`methodsShort.${dashboard.method}`),
            })}
            {query.isFetching && !query.isPending && ` · ${t('gaps.updating')}`}
          </Text>
          {/* A year whose registry is far smaller than the year before: its figures are not complete. */}
          <RegistryYearWarning territoryId={dashboard.territory.id} territoryName={labels.territory(dashboard.territory)} year={dashboard.year} />

          <section aria-labelledby="gaps-summary-heading">
            <Title order={2} size="h4" id="gaps-summary-heading" mb="xs">
              {t('gaps.summary.heading')}
            </Title>
            <GapSummary dashboard={dashboard} labels={labels} />
            {dashboard.unplacedSites > 0 && (
              <Alert color="orange" mt="sm" icon={<IconInfoCircle aria-hidden />}>
                {t('gaps.unplacedSites', { count: dashboard.unplacedSites })}
              </Alert>
            )}
          </section>

          <section aria-labelledby="gaps-table-heading">
            <Title order={2} size="h4" id="gaps-table-heading" mb={4}>
              {t('gaps.table.heading')}
            </Title>
            <Text size="sm" c="gray.7" mb="xs">
              {t('gaps.table.help')}
            </Text>
            {dashboard.rows.length === 0 ? (
              <Alert color="gray" icon={<IconInfoCircle aria-hidden />} data-testid="gaps-empty">
                {t('gaps.empty', { year: dashboard.year })}
              </Alert>
            ) : (
              <Paper withBorder radius="md">
                <GapTable rows={dashboard.rows} labels={labels} onExplain={openExplain} />
              </Paper>
            )}
            {dashboard.method === 'survey' && (
              <Text size="sm" c="gray.7" mt="xs" data-testid="gaps-survey-units">
                {t('gaps.surveyUnitNote')}
              </Text>
            )}
          </section>

          {dashboard.rows.length > 0 && (
            <section aria-labelledby="gaps-chart-heading">
              <Title order={2} size="h4" id="gaps-chart-heading" mb={4}>
                {t('gaps.chart.heading')}
              </Title>
              <Text size="sm" c="gray.7" mb="xs">
                {t('gaps.chart.help')}
              </Text>
              <Paper withBorder p="sm" radius="md">
                <GapChart rows={dashboard.rows} labels={labels} onExplain={openExplain} />
              </Paper>
            </section>
          )}

          {/* Every municipality × service type, each cell opening its explanation. */}
          <GapMatrix view={shownView} labels={labels} />

          <section aria-labelledby="gaps-map-heading">
            <Title order={2} size="h4" id="gaps-map-heading" mb={4}>
              {t('map.heading')}
            </Title>
            <Text size="sm" c="gray.7" mb="xs">
              {t('map.help')}
            </Text>
            <Paper withBorder p="md" radius="md">
              <CoverageMap view={shownView} dashboard={dashboard} labels={labels} hrefFor={hrefFor} onOpen={openUnit} />
            </Paper>
          </section>

          <ExplainDrawer
            view={shownView}
            serviceType={explained}
            labels={labels}
            onClose={() => setExplained(null)}
          />
        </>
      )}
    </Stack>
  );
}
