import { useState } from 'react';
import { Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TPeers } from '@potreby/server/planning/peers/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import type { RoundTabProps } from './round-parts';

/**
 * A municipality beside the most similar municipalities of its country (issue 8, item 10): who
 * they are and why they are similar (population, share aged 65 and over; the urban share is not
 * in the data and is said so), then its coverage per service type beside theirs and their median.
 * Coverage is a share (capacity ÷ need) of each type in its own unit; no estimate is shown as such.
 */
export function PeersTab({ round, municipalities }: RoundTabProps) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const { user } = useSession();
  // A municipality's officer sees its own municipality; the region's readers choose.
  const own = municipalities.find((m) => m.id === user?.territory?.id);
  const [chosen, setChosen] = useState<number | null>(null);
  const municipalityId = chosen ?? own?.id ?? municipalities[0]?.id ?? null;
  const peers = useQuery({
    queryKey: ['planning-round', round.id, 'peers', municipalityId, i18n.language],
    queryFn: () => api.get<TPeers>(`/planning/rounds/${round.id}/peers`, { municipalityId: municipalityId!, lang: i18n.language }),
    enabled: municipalityId !== null,
  });
  const p = peers.data;
  const share = (x: number | null) => (x === null ? t('peers.noEstimate') : fmt.percent(x));
  const people = (x: number | null) => (x === null ? t('peers.unknown') : fmt.number(x));

  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7" maw={820}>
        {t('peers.intro')}
      </Text>
      {own ? null : (
        <Select
          label={t('peers.municipality')}
          value={municipalityId === null ? null : String(municipalityId)}
          allowDeselect={false}
          data={municipalities.map((m) => ({ value: String(m.id), label: names.territory(m) }))}
          onChange={(v) => v && setChosen(Number(v))}
          data-testid="peers-municipality"
          maw={420}
        />
      )}
      <ErrorAlert error={peers.error} />
      {p ? (
        <>
          <Paper withBorder p="sm" component="section" aria-labelledby="peers-who-title">
            <Title order={2} size="h4" id="peers-who-title" mb="xs">
              {t('peers.who', { name: p.municipality.name })}
            </Title>
            <Text size="sm" mb="xs" maw={820}>
              {t('peers.why')} {p.unknownFeatures.includes('urbanShare') ? t('peers.noUrban') : null}
            </Text>
            <ListTable
              query={peers}
              count={p.peers.length + 1}
              empty={t('peers.none')}
              // On a phone the table scrolls in its own box rather than breaking "Batak" into "Bat-ak".
              minWidth={460}
              testId="peers-table"
              columns={[
                { key: 'name', label: t('peers.municipality') },
                { key: 'population', label: t('peers.population'), numeric: true },
                { key: 'aged65', label: t('peers.shareAged65'), numeric: true },
                { key: 'distance', label: t('peers.distance'), numeric: true },
              ]}
            >
              {[p.municipality, ...p.peers].map((m, i) => (
                <Table.Tr key={m.municipalityId} data-testid={i === 0 ? 'peers-own' : 'peer'} fw={i === 0 ? 700 : undefined}>
                  <Table.Td>
                    {m.name}
                    {m.region ? (
                      <Text size="xs" c="gray.7">
                        {m.region}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td className="num">{people(m.population)}</Table.Td>
                  <Table.Td className="num">{m.shareAged65 === null ? t('peers.unknown') : fmt.percent(m.shareAged65)}</Table.Td>
                  <Table.Td className="num">{m.distance === null ? t('peers.itself') : fmt.number(m.distance, 2)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          </Paper>
          <Paper withBorder p="sm" component="section" aria-labelledby="peers-coverage-title">
            <Title order={2} size="h4" id="peers-coverage-title" mb="xs">
              {t('peers.coverage')}
            </Title>
            <Text size="sm" mb="xs" maw={820}>
              {t('peers.coverageIntro', { year: p.year, method: t(`methodsShort.${p.method}`) })}
            </Text>
            <ListTable
              query={peers}
              count={p.rows.length}
              empty={t('peers.noRows')}
              minWidth={420}
              testId="peers-coverage"
              columns={[
                { key: 'type', label: t('peers.serviceType') },
                { key: 'own', label: p.municipality.name, numeric: true },
                { key: 'median', label: t('peers.median'), numeric: true },
              ]}
            >
              {p.rows.map((r) => {
                const behind = r.own !== null && r.median !== null && r.own < r.median;
                return (
                  <Table.Tr key={r.serviceType} data-testid="peer-row">
                    <Table.Td>
                      {names.serviceType(r.serviceType)}
                      <Text size="xs" c="gray.7">
                        {t('peers.countedIn', { unit: t(`capacityUnits.${r.unit}`) })}
                      </Text>
                    </Table.Td>
                    <Table.Td className="num" fw={behind ? 700 : undefined}>
                      {share(r.own)}
                      {behind ? <Text size="xs">{t('peers.belowMedian')}</Text> : null}
                    </Table.Td>
                    <Table.Td className="num">{share(r.median)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </ListTable>
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
