import { Anchor, Breadcrumbs, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TIndicatorList } from '@potreby/server/population/schema';
import type { TTerritoryDetail } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { langOf, useNames } from '../app/names';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { PopulationPyramid } from './PopulationPyramid';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** One territory: where it sits, how many live there (and how we know), their ages, indicators. */
export function TerritoryDetail({ territoryId }: { territoryId: number }) {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const detail = useQuery({ queryKey: ['territory', territoryId], queryFn: () => api.get<TTerritoryDetail>(`/territories/${territoryId}`) });
  const indicators = useQuery({
    queryKey: ['territory-indicators', territoryId],
    queryFn: () => api.get<TIndicatorList>(`/territories/${territoryId}/indicators`),
  });

  if (detail.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (detail.error) return <ErrorAlert error={detail.error} />;
  const { territory, ancestors, population } = detail.data;
  const name = names.territory(territory);

  return (
    <Stack gap="lg" data-testid="territory-detail">
      <Stack gap={4}>
        {ancestors.length > 0 ? (
          <Breadcrumbs separator="›" aria-label={t('territories.breadcrumbs')} data-testid="territory-breadcrumbs">
            {ancestors.map((a) => (
              <Anchor key={a.id} component={Link} to={`/territories/${a.id}`} size="sm" underline="always">
                {names.territory(a)}
              </Anchor>
            ))}
            <Text size="sm" aria-current="page">
              {name}
            </Text>
          </Breadcrumbs>
        ) : null}
        <Title order={2} data-testid="territory-name">
          {name}
        </Title>
        {territory.nameEn && territory.nameEn !== name ? (
          // The other form of the name: the official one, or its Latin form (lang bg-Latn: a Bulgarian name in Latin letters).
          <Text size="sm" c="gray.7" lang={territory.name !== name ? langOf(territory.country) : `${langOf(territory.country)}-Latn`}>
            {territory.name !== name ? territory.name : territory.nameEn}
          </Text>
        ) : null}
      </Stack>

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Fact label={t('territories.code')}>{territory.code}</Fact>
          <Fact label={t('territories.level')}>{names.level(territory.country, territory.level)}</Fact>
          <Fact label={t('territories.country')}>{names.country(territory.country)}</Fact>
          <Fact label={t('territories.parts')}>{fmt.number(territory.childCount)}</Fact>
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('territories.populationTitle')}
          </Title>
          {population ? (
            <>
              <Group gap="xs" align="baseline">
                <Text fz={28} fw={700} className="num" data-testid="population-total">
                  {fmt.number(population.value)}
                </Text>
                <Text size="sm">{t('territories.populationIn', { year: population.year })}</Text>
              </Group>
              <Text size="sm" c="gray.7" data-testid="population-how">
                {t(`populationHow.${population.how}`)}
                {population.dataYear !== population.year ? ` · ${t('territories.figuresOf', { year: population.dataYear })}` : ''}
              </Text>
            </>
          ) : (
            <Text c="gray.7">{t('territories.noPopulation')}</Text>
          )}
          <PopulationPyramid key={territoryId} territoryId={territoryId} territoryName={name} />
          <Group gap="xs">
            <Text size="sm">{t('common.exportTables.population')}:</Text>
            <ExportButtons table="population" query={{ territoryId }} />
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h4">
              {t('territories.indicatorsTitle')}
            </Title>
            <ExportButtons table="indicators" query={{ territoryId }} />
          </Group>
          {indicators.isPending ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
          <ErrorAlert error={indicators.error} />
          {indicators.data && indicators.data.items.length === 0 ? <Text c="gray.7">{t('territories.noIndicators')}</Text> : null}
          {indicators.data && indicators.data.items.length > 0 ? (
            <Table.ScrollContainer minWidth={520}>
              <Table striped verticalSpacing={4} fz="sm" data-testid="indicators-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('territories.indicator')}</Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('common.year')}
                    </Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('territories.value')}
                    </Table.Th>
                    <Table.Th scope="col">{t('territories.source')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {indicators.data.items.map((i) => (
                    <Table.Tr key={`${i.indicator}-${i.year}`}>
                      <Table.Td>{t(`indicators.${i.indicator}`, { defaultValue: i.indicator })}</Table.Td>
                      <Table.Td className="num">{i.year}</Table.Td>
                      <Table.Td className="num">{fmt.number(i.value)}</Table.Td>
                      <Table.Td>
                        <span translate="no">{i.source}</span>
                        {i.sourceDate ? ` (${fmt.date(i.sourceDate)})` : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  );
}
