import { useEffect, useState } from 'react';
import { Anchor, Grid, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TTerritoryDetail, TTerritoryList } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useNames } from '../app/names';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { PageTitle } from '../components/PageTitle';
import { TerritoryDetail } from './TerritoryDetail';
import { TerritoryTree } from './TerritoryTree';

/** Browse or search the territorial units; the chosen one's population and indicators on the right. */
export function TerritoriesPage() {
  const { t } = useTranslation();
  const params = useParams();
  const selectedId = params.territoryId ? Number(params.territoryId) : null;
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);

  // Open the tree down to the unit shown (it may come from a link or a search result).
  const detail = useQuery({
    queryKey: ['territory', selectedId],
    queryFn: () => api.get<TTerritoryDetail>(`/territories/${selectedId}`),
    enabled: selectedId !== null,
  });
  const ancestorIds = detail.data?.ancestors.map((a) => a.id).join(',');
  useEffect(() => {
    if (!ancestorIds) return;
    setExpanded((prev) => {
      const next = new Set(prev);
      for (const id of ancestorIds.split(',')) next.add(Number(id));
      return next;
    });
  }, [ancestorIds]);

  const toggle = (id: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageTitle title={t('territories.title')}>
        <ExportButtons table="territories" query={{ territoryId: selectedId ?? undefined }} />
      </PageTitle>
      <Grid gap="md">
        {/* On a phone the chosen territory comes first, the tree after it. */}
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: selectedId !== null ? 2 : 1, md: 1 }}>
          <Paper withBorder p="sm">
            <Stack gap="sm">
              <TextInput
                label={t('territories.search')}
                description={t('territories.searchHint')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                data-testid="territory-search"
              />
              {q.length >= 2 ? <SearchResults q={q} /> : <TerritoryTree selectedId={selectedId} expanded={expanded} onToggle={toggle} />}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: selectedId !== null ? 1 : 2, md: 2 }}>
          {selectedId !== null ? (
            <TerritoryDetail territoryId={selectedId} />
          ) : (
            <Paper withBorder p="lg">
              <Text c="gray.7">{t('territories.chooseHint')}</Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}

function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const results = useQuery({ queryKey: ['territory-search-page', q], queryFn: () => api.get<TTerritoryList>('/territories', { q, limit: 50 }) });
  if (results.isPending) return <Loader size="xs" role="status" aria-label={t('common.loading')} />;
  if (results.error) return <ErrorAlert error={results.error} />;
  if (results.data.items.length === 0) return <Text c="gray.7">{t('common.nothingFound')}</Text>;
  return (
    <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('territories.searchResults')} data-testid="territory-search-results">
      {results.data.items.map((n) => (
        <li key={n.id}>
          <div>
            <Anchor component={Link} to={`/territories/${n.id}`} size="sm" data-testid={`search-result-${n.code}`}>
              {names.territory(n)}
            </Anchor>
          </div>
          <Text size="xs" c="gray.7">
            {names.level(n.country, n.level)} · {n.code}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
