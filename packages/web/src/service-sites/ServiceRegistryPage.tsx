import { useEffect, useState } from 'react';
import { Badge, Button, Group, Loader, Paper, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconEye, IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FUNDING_SOURCES, PROVIDER_KINDS } from '@potreby/domain';
import type { TServiceSiteList, TServiceSiteView } from '@potreby/server/service-sites/schema';
import type { TTerritoryDetail } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useServiceTypes } from '../app/catalogue';
import { useFormat } from '../app/format';
import { langOf, useNames } from '../app/names';
import { useSession } from '../app/session';
import { DemoBadge } from '../components/DemoBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { RowAction } from '../components/RowAction';
import { PageTitle } from '../components/PageTitle';
import { Pager } from '../components/Pager';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { CopyYear } from './CopyYear';
import { DeleteServiceSite } from './DeleteServiceSite';
import { RegistryYearWarning } from './RegistryYearWarning';
import { useRegistryYears } from './registry-years';
import { ServiceSiteForm } from './ServiceSiteForm';

const PAGE_SIZE = 25;

type Filters = {
  territoryId: number | null;
  year: number | null;
  serviceType: string | null;
  providerKind: string | null;
  funding: string | null;
  q: string | null;
  page: number;
};

const numberParam = (v: string | null) => (v && Number.isFinite(Number(v)) ? Number(v) : null);
const readFilters = (p: URLSearchParams): Filters => ({
  territoryId: numberParam(p.get('territoryId')),
  year: numberParam(p.get('year')),
  serviceType: p.get('serviceType'),
  providerKind: p.get('providerKind'),
  funding: p.get('funding'),
  q: p.get('q'),
  page: numberParam(p.get('page')) ?? 1,
});
const writeFilters = (f: Filters): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v !== null && v !== '' && !(k === 'page' && v === 1)) out[k] = String(v);
  return out;
};

type Editing = { site: TServiceSiteView | null; readOnly: boolean } | null;

/** The registry of service sites: find them, see their capacity, and keep them up to date. */
export function ServiceRegistryPage() {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const { permissions, user } = useSession();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<TServiceSiteView | null>(null);

  // The filters live in state (the URL mirrors them, so a link or a reload shows the same list):
  // several quick changes, one of them debounced, then never overwrite one another.
  const [filters, setFilterState] = useState<Filters>(() => readFilters(params));
  const { territoryId, year, serviceType, providerKind, funding, q: urlQ, page } = filters;
  const [text, setText] = useState(urlQ ?? '');
  // A year the user picked (or a link named) stays when the territory changes; one the page chose
  // follows the territory, whose registry may have another year to open on.
  const [yearPicked, setYearPicked] = useState(() => readFilters(params).year !== null);
  const [q] = useDebouncedValue(text.trim(), 300);

  const setFilters = (changes: Partial<Filters>) => setFilterState((prev) => ({ ...prev, ...changes, page: changes.page ?? 1 }));
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters({ [key]: value } as Partial<Filters>);
  const pickYear = (picked: number) => {
    setYearPicked(true);
    setFilter('year', picked);
  };

  useEffect(() => {
    setParams(writeFilters(filters), { replace: true });
  }, [filters]);

  useEffect(() => {
    if ((urlQ ?? '') !== q) setFilter('q', q || null);
  }, [q]);

  const filterTerritory = useQuery({
    queryKey: ['territory', territoryId],
    queryFn: () => api.get<TTerritoryDetail>(`/territories/${territoryId}`),
    enabled: territoryId !== null,
  });
  // The picked unit's country at once (the URL, and so the query, follow a moment later).
  const [pickedCountry, setPickedCountry] = useState<string | null>(null);
  const country = filterTerritory.data?.territory.country ?? pickedCountry ?? user?.territory?.country ?? null;
  const { items: allTypes } = useServiceTypes();
  // The chosen territory's country's types; without one, every country's, grouped.
  const typeOptions = country
    ? allTypes.filter((s) => s.country === country).map((s) => ({ value: s.key, label: names.serviceType(s) }))
    : [...new Set(allTypes.map((s) => s.country))].map((c) => ({
        group: names.country(c),
        items: allTypes.filter((s) => s.country === c).map((s) => ({ value: s.key, label: names.serviceType(s) })),
      }));

  // Show one year at a time (sites are yearly snapshots): the one the territory's registry opens
  // on — its newest complete year, not the newest with any site (issue 7, "the year trap") —
  // unless the user picks another. Without a territory: the user's own (an administrator's: every
  // country's, each complete).
  const registry = useRegistryYears(territoryId);
  const registrySettled = !registry.isPending && !registry.isPlaceholderData;
  const defaultYear = registrySettled ? (registry.data?.defaultYear ?? null) : undefined;
  useEffect(() => {
    if (year === null && defaultYear) setFilter('year', defaultYear);
  }, [year, defaultYear]);

  const list = useQuery({
    queryKey: ['service-sites', { territoryId, year, serviceType, providerKind, funding, q, page }],
    queryFn: () =>
      api.get<TServiceSiteList>('/service-sites', { territoryId, year, serviceType, providerKind, funding, q, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    // Not every year's sites first and the default year's a moment later: wait for the year.
    enabled: year !== null || (registrySettled && !defaultYear),
  });

  const canAdd = permissions?.editServiceSites ?? false;
  const years = [...new Set([...(registry.data?.years.map((y) => y.year) ?? []), ...(list.data?.years ?? [])])].sort((a, b) => b - a);
  // The territory whose registry is shown: the one chosen, or the user's own.
  const shownTerritory = territoryId !== null ? (filterTerritory.data?.territory ?? null) : (user?.territory ?? null);

  return (
    <>
      <PageTitle title={t('registry.title')}>
        {canAdd && territoryId !== null && year !== null && filterTerritory.data ? (
          <CopyYear territoryId={territoryId} territoryName={names.territory(filterTerritory.data.territory)} year={year} onCopied={pickYear} />
        ) : null}
        {canAdd ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ site: null, readOnly: false })} data-testid="add-site">
            {t('registry.add')}
          </Button>
        ) : null}
      </PageTitle>

      <Paper withBorder p="sm" mb="md" component="section" aria-label={t('registry.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="sm">
          <TerritoryPicker
            label={t('registry.territory')}
            value={territoryId}
            onChange={(id, territory) => {
              setPickedCountry(territory?.country ?? null);
              // Another country keeps other years (Bulgaria's 2025, Ukraine's 2026), another territory
              // may open on another year: the new one's, unless the user picked the year.
              const otherCountry = territory?.country !== undefined && territory.country !== country;
              if (otherCountry) setYearPicked(false);
              setFilters({ territoryId: id, serviceType: null, ...(otherCountry || !yearPicked ? { year: null } : {}) });
            }}
            data-testid="filter-territory"
          />
          <Select
            label={t('common.year')}
            value={year === null ? null : String(year)}
            onChange={(v) => (v === null ? setFilter('year', null) : pickYear(Number(v)))}
            data={(year !== null && !years.includes(year) ? [year, ...years] : years).map(String)}
            data-testid="filter-year"
          />
          <Select
            label={t('registry.serviceType')}
            value={serviceType}
            onChange={(v) => setFilter('serviceType', v)}
            data={typeOptions}
            disabled={territoryId !== null && !country}
            searchable
            clearable
            data-testid="filter-service-type"
          />
          <Select
            label={t('registry.providerKind')}
            value={providerKind}
            onChange={(v) => setFilter('providerKind', v)}
            data={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`providerKinds.${k}`) }))}
            clearable
            data-testid="filter-provider-kind"
          />
          <Select
            label={t('registry.funding')}
            value={funding}
            onChange={(v) => setFilter('funding', v)}
            data={FUNDING_SOURCES.map((k) => ({ value: k, label: t(`funding.${k}`) }))}
            clearable
            data-testid="filter-funding"
          />
          <TextInput
            label={t('registry.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-testid="filter-text"
          />
        </SimpleGrid>
      </Paper>

      {shownTerritory && year !== null ? <RegistryYearWarning territoryId={shownTerritory.id} territoryName={names.territory(shownTerritory)} year={year} onCopied={pickYear} mb="md" /> : null}
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loader role="status" aria-label={t('common.loading')} /> : null}
      {list.data ? (
        <Paper withBorder p="sm">
          <Group justify="space-between" mb="xs">
            <Text size="sm" fw={600} aria-live="polite" data-testid="registry-count">
              {t('registry.count', { count: list.data.total, formatted: fmt.number(list.data.total) })}
            </Text>
            <ExportButtons table="services" query={{ territoryId, year }} />
          </Group>
          {list.data.items.length === 0 ? (
            <Text c="gray.7" py="lg" ta="center" data-testid="registry-empty">
              {t('registry.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={960}>
              <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="registry-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('registry.name')}</Table.Th>
                    <Table.Th scope="col">{t('registry.serviceType')}</Table.Th>
                    <Table.Th scope="col">{t('registry.location')}</Table.Th>
                    <Table.Th scope="col">{t('registry.provider')}</Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('registry.capacity')}
                    </Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('registry.users')}
                    </Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('registry.waitingList')}
                    </Table.Th>
                    <Table.Th scope="col">{t('registry.funding')}</Table.Th>
                    <Table.Th scope="col">
                      <span className="sr-only">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((s) => {
                    const canEdit = canAdd && s.editable;
                    return (
                      <Table.Tr key={s.id} data-testid="registry-row">
                        <Table.Td miw={200}>
                          <Text size="sm" fw={600} data-testid="site-name" lang={langOf(s.settlement.country)}>
                            {s.name}
                          </Text>
                          <Group gap={6} mt={2}>
                            <Text size="xs" c="gray.7">
                              {s.siteKey}
                            </Text>
                            {s.demo ? <DemoBadge /> : null}
                            {s.mobile ? (
                              <Badge size="xs" variant="light" color="indigo">
                                {t('registry.mobileShort')}
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                        <Table.Td>{names.serviceType(s.serviceType)}</Table.Td>
                        <Table.Td lang={names.territoryLang(s.settlement)}>
                          {names.territory(s.settlement)}
                          {s.municipality && s.municipality.id !== s.settlement.id ? (
                            <Text size="xs" c="gray.7">
                              {names.territory(s.municipality)}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <span lang={langOf(s.settlement.country)}>{s.provider}</span>
                          <Text size="xs" c="gray.7">
                            {t(`providerKinds.${s.providerKind}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td className="num" data-testid="site-capacity">
                          {fmt.number(s.capacity)}
                        </Table.Td>
                        <Table.Td className="num">{fmt.number(s.users)}</Table.Td>
                        <Table.Td className="num">{fmt.number(s.waitingList)}</Table.Td>
                        <Table.Td>{s.funding ? t(`funding.${s.funding}`) : '—'}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap" justify="flex-end">
                            {canEdit ? (
                              <>
                                <RowAction tooltip={t('common.edit')} label={t('registry.editNamed', { name: s.name })} icon={IconPencil} onClick={() => setEditing({ site: s, readOnly: false })} testId="edit-site" />
                                <RowAction tooltip={t('common.delete')} label={t('registry.deleteNamed', { name: s.name })} icon={IconTrash} onClick={() => setDeleting(s)} testId="delete-site" danger />
                              </>
                            ) : (
                              <RowAction tooltip={t('common.view')} label={t('registry.viewNamed', { name: s.name })} icon={IconEye} onClick={() => setEditing({ site: s, readOnly: true })} testId="view-site" />
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => setFilter('page', p)} />
        </Paper>
      ) : null}

      <ServiceSiteForm
        opened={editing !== null}
        site={editing?.site ?? null}
        readOnly={editing?.readOnly ?? false}
        defaults={{ year: year ?? new Date().getFullYear(), country }}
        onClose={() => setEditing(null)}
      />
      <DeleteServiceSite site={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
