import { useMemo, useState } from 'react';
import { Alert, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatAgeRange } from '@potreby/domain';
import type { TPyramid } from '@potreby/server/population/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { DemoBadge } from '../components/DemoBadge';
import { EChart } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';

const MEN = '#1864ab';
const WOMEN = '#a61e4d';

/** Men to the left, women to the right, youngest at the bottom; the same figures in a table beside it. */
export function PopulationPyramid({ territoryId, territoryName }: { territoryId: number; territoryName: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const [year, setYear] = useState<number | null>(null);
  const pyramid = useQuery({
    queryKey: ['pyramid', territoryId, year],
    queryFn: () => api.get<TPyramid>(`/territories/${territoryId}/population`, { year: year ?? undefined }),
    placeholderData: keepPreviousData,
  });
  const data = pyramid.data;

  const option = useMemo(() => {
    if (!data) return null;
    const bands = [...data.bands].sort((a, b) => a.ageFrom - b.ageFrom);
    const abs = (v: unknown) => fmt.number(Math.abs(Number(v)));
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: abs },
      legend: { top: 0, data: [t('sexes.M'), t('sexes.F')], textStyle: { color: '#212529' } },
      grid: { left: 56, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'value', axisLabel: { formatter: abs, color: '#343a40' } },
      yAxis: { type: 'category', data: bands.map((b) => formatAgeRange({ from: b.ageFrom, to: b.ageTo })), axisTick: { show: false }, axisLabel: { color: '#343a40' } },
      series: [
        { name: t('sexes.M'), type: 'bar', stack: 'pyramid', barCategoryGap: '15%', data: bands.map((b) => -b.male), itemStyle: { color: MEN } },
        { name: t('sexes.F'), type: 'bar', stack: 'pyramid', data: bands.map((b) => b.female), itemStyle: { color: WOMEN } },
      ],
    };
  }, [data, fmt.language, t]);

  const bandsDesc = data ? [...data.bands].sort((a, b) => b.ageFrom - a.ageFrom) : [];
  const totals = bandsDesc.reduce((s, b) => ({ male: s.male + b.male, female: s.female + b.female }), { male: 0, female: 0 });

  return (
    <Stack gap="sm" data-testid="population-pyramid">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          {t('territories.pyramidTitle')}
        </Title>
        {data && data.years.length > 0 ? (
          <Select
            label={t('common.year')}
            size="xs"
            w={120}
            allowDeselect={false}
            value={String(data.year)}
            onChange={(v) => v && setYear(Number(v))}
            data={data.years.map((y) => String(y))}
            data-testid="pyramid-year"
          />
        ) : null}
      </Group>
      {pyramid.isPending ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
      <ErrorAlert error={pyramid.error} />
      {data && data.bands.length === 0 ? <Text c="gray.7">{t('territories.noPopulation')}</Text> : null}
      {data && data.how === 'apportioned' ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="pyramid-estimated">
          {t('territories.estimatedFrom', { unit: names.territory(data.from), year: data.dataYear ?? data.year })}
        </Alert>
      ) : null}
      {data && option && data.bands.length > 0 ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <EChart
            option={option}
            height={Math.max(280, data.bands.length * 20 + 70)}
            ariaLabel={t('territories.pyramidAria', { name: territoryName, year: data.year })}
            data-testid="pyramid-chart"
          />
          <Table.ScrollContainer minWidth={280}>
            <Table striped withTableBorder verticalSpacing={2} fz="sm" data-testid="pyramid-table">
              <Table.Caption>{t('territories.pyramidCaption', { name: territoryName, year: data.year })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('territories.age')}</Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('sexes.M')}
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('sexes.F')}
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('sexes.T')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bandsDesc.map((b) => (
                  <Table.Tr key={b.ageFrom}>
                    <Table.Th scope="row" fw={400}>
                      {formatAgeRange({ from: b.ageFrom, to: b.ageTo })}
                    </Table.Th>
                    <Table.Td className="num">{fmt.number(b.male)}</Table.Td>
                    <Table.Td className="num">{fmt.number(b.female)}</Table.Td>
                    <Table.Td className="num">{fmt.number(b.male + b.female)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('sexes.T')}</Table.Th>
                  <Table.Td className="num" fw={700}>
                    {fmt.number(totals.male)}
                  </Table.Td>
                  <Table.Td className="num" fw={700}>
                    {fmt.number(totals.female)}
                  </Table.Td>
                  <Table.Td className="num" fw={700} data-testid="pyramid-total">
                    {fmt.number(totals.male + totals.female)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </SimpleGrid>
      ) : null}
      {data && data.sources.length > 0 ? (
        <Stack gap={4} data-testid="pyramid-sources">
          <Text size="sm" fw={600}>
            {t('territories.sources')}
          </Text>
          {data.sources.map((s, i) => (
            <Group key={i} gap="xs" wrap="nowrap">
              {s.source || s.fileName ? (
                // A citation as given (a register, a statistics office's table), unless the demonstration wrote it.
                <Text size="sm" translate={names.dataText(s.source) === s.source ? 'no' : undefined}>
                  {names.dataText(s.source) ?? s.fileName}
                </Text>
              ) : (
                <Text size="sm">{t('territories.sourceUnknown')}</Text>
              )}
              {s.illustrative ? <DemoBadge kind="illustrative" /> : null}
            </Group>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
