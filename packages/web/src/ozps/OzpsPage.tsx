import { Alert, Button, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { OZPS_DECIMALS, OZPS_SECTIONS, type TOzpsProblem, type TOzpsRow, type TOzpsUnit } from '@potreby/domain';
import type { TOzpsView } from '@potreby/server/ozps/ozps';
import type { TTerritoryDetail } from '@potreby/server/territories/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useSearchPatch } from '../app/search-patch';
import { useSession } from '../app/session';
import { mayEditAssessments } from '../assessments/assessment-access';
import { DemoBadge } from '../components/DemoBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { TerritoryPicker } from '../components/TerritoryPicker';

/** The year the OZPS due by 30 April reports on: the one before the current year. */
const defaultYear = () => new Date().getFullYear() - 1;
const cellKey = (indicator: string, year: number) => `${indicator}|${year}`;

/**
 * A figure as an officer types it — "1 234,5" or "1234.5", spaces or non-breaking spaces
 * between thousands — read back to a number; empty is "no figure" (null), unreadable is NaN.
 */
export function readFigure(text: string): number | null {
  const plain = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (plain === '') return null;
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

/** What is wrong with a typed figure of this unit, as a translation key; null: nothing. */
function figureError(unit: TOzpsUnit, value: number | null): string | null {
  if (value === null) return null;
  if (Number.isNaN(value)) return 'not_a_number';
  if (value < 0) return 'negative';
  const decimals = OZPS_DECIMALS[unit];
  if (Math.abs(Math.round(value * 10 ** decimals) - value * 10 ** decimals) > 1e-6) return decimals === 0 ? 'whole_number' : 'too_precise';
  return null;
}

/**
 * A Polish gmina's figures for its yearly assessment of social-assistance resources (OZPS, story
 * 5): assistance by cause, staff and spending for the year reported on and the two before it,
 * with the forecast the document carries. `?municipalityId=&year=` keep the place in the address.
 */
export function OzpsPage() {
  const { t } = useTranslation();
  const { user, permissions } = useSession();
  const [params, go] = useSearchPatch();
  const own = user?.territory?.level === 'municipality' && user.territory.country === 'PL' ? user.territory.id : null;
  const municipalityId = params.get('municipalityId') ? Number(params.get('municipalityId')) : own;
  const year = Number(params.get('year')) || defaultYear();
  const place = useQuery({ queryKey: ['territory', municipalityId], queryFn: () => api.get<TTerritoryDetail>(`/territories/${municipalityId}`), enabled: municipalityId !== null });
  const polish = place.data?.territory.country === 'PL' && place.data.territory.level === 'municipality';
  const view = useQuery({ queryKey: ['ozps', municipalityId, year], queryFn: () => api.get<TOzpsView>(`/municipalities/${municipalityId}/ozps`, { year }), enabled: polish });
  const writes = mayEditAssessments(user, permissions);

  return (
    <Stack gap="md">
      <PageTitle title={t('ozps.ui.pageTitle')} />
      <Text>{t('ozps.ui.intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        <TerritoryPicker label={t('ozps.ui.gmina')} levels={['municipality']} value={municipalityId} clearable={false} onChange={(id) => go({ municipalityId: id === null ? null : String(id) })} data-testid="ozps-municipality" />
        <NumberInput
          label={t('ozps.ui.year')}
          value={year}
          min={2000}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
          w={140}
          onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && go({ year: String(v) })}
          data-testid="ozps-year"
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('ozps.ui.yearHint')}
      </Text>
      {municipalityId === null ? <Text c="dimmed">{t('ozps.ui.chooseGmina')}</Text> : null}
      {place.data && !polish ? (
        <Alert color="yellow" data-testid="ozps-not-polish">
          {t('ozps.ui.notPolish')}
        </Alert>
      ) : null}
      {view.error ? <ErrorAlert error={view.error} /> : null}
      {view.data ? <OzpsForm key={`${municipalityId}-${year}`} view={view.data} writes={writes} /> : null}
      {polish ? (
        <Text size="sm">
          {t('ozps.ui.document')} <Link to={`/documents?territoryId=${municipalityId}`}>{t('ozps.ui.documentLink')}</Link>
        </Text>
      ) : null}
    </Stack>
  );
}

function OzpsForm({ view, writes }: { view: TOzpsView; writes: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const money = (value: number) => `${f.number(value, 2)} ${t('ozps.units.pln')}`;
  const problemText = (p: TOzpsProblem) => {
    switch (p.code) {
      case 'year_empty':
        return t('ozps.problems.year_empty', { year: p.year });
      case 'spending_parts':
        return t('ozps.problems.spending_parts', { year: p.year, parts: money(p.parts), total: money(p.total) });
      case 'cause_over_families':
        return t('ozps.problems.cause_over_families', { year: p.year, indicator: t(`ozps.indicators.${p.indicator}`) });
    }
  };
  const shown = (row: TOzpsRow, value: number | null) => (value === null ? '' : f.number(value, OZPS_DECIMALS[row.unit]));
  const initial = () => Object.fromEntries(view.rows.flatMap((r) => view.years.map((y, i) => [cellKey(r.key, y), shown(r, r.values[i] ?? null)])));
  const [texts, setTexts] = useState<Record<string, string>>(initial);
  const [message, setMessage] = useState<string | null>(null);
  // A saved answer is the new starting point of the fields.
  useEffect(() => setTexts(initial()), [view]);

  const changes = view.rows.flatMap((r) =>
    view.years.flatMap((y, i) => {
      const value = readFigure(texts[cellKey(r.key, y)] ?? '');
      const before = r.values[i] ?? null;
      return value === before || (value !== null && before !== null && Math.abs(value - before) < 1e-9) ? [] : [{ row: r, indicator: r.key, year: y, value }];
    }),
  );
  const invalid = changes.filter((c) => figureError(c.row.unit, c.value) !== null);
  const save = useMutation({
    mutationFn: () => api.put<TOzpsView>(`/municipalities/${view.municipalityId}/ozps?year=${view.year}`, { figures: changes.map(({ indicator, year, value }) => ({ indicator, year, value })) }),
    onSuccess: (saved) => {
      setMessage(t('ozps.ui.saved', { count: changes.length }));
      queryClient.setQueryData(['ozps', view.municipalityId, view.year], saved);
    },
  });

  return (
    <Stack gap="md">
      {view.demo ? (
        <Group gap="xs" data-testid="ozps-demo">
          <DemoBadge kind="illustrative" />
          <Text size="sm">{t('common.illustrativeHint')}</Text>
        </Group>
      ) : null}
      {!writes ? <Text c="dimmed">{t('ozps.ui.readOnly')}</Text> : null}
      {view.problems.length > 0 ? (
        <Alert color="yellow" title={t('ozps.ui.checks')} data-testid="ozps-problems">
          <Stack gap={4}>
            {view.problems.map((p, i) => (
              <Text key={i} size="sm">
                {problemText(p)}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {OZPS_SECTIONS.map((section) => (
        <Stack key={section} gap="xs">
          <Title order={2} size="h4" id={`ozps-${section}`}>
            {t(`ozps.sections.${section}`)}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder aria-labelledby={`ozps-${section}`} data-testid={`ozps-${section}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('ozps.ui.indicator')}</Table.Th>
                  <Table.Th scope="col">{t('ozps.ui.unit')}</Table.Th>
                  {view.years.map((y) => (
                    <Table.Th scope="col" key={y} ta="right">
                      {y}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" ta="right">
                    {t('ozps.ui.forecast', { year: view.year + 1 })}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.rows
                  .filter((r) => r.section === section)
                  .map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Th scope="row" fw="normal">
                        {t(`ozps.indicators.${r.key}`)}
                      </Table.Th>
                      <Table.Td>{t(`ozps.units.${r.unit}`)}</Table.Td>
                      {view.years.map((y, i) => {
                        const key = cellKey(r.key, y);
                        const error = figureError(r.unit, readFigure(texts[key] ?? ''));
                        return (
                          <Table.Td key={y} w={130}>
                            {writes ? (
                              <TextInput
                                size="xs"
                                inputMode="decimal"
                                aria-label={t('ozps.ui.cell', { indicator: t(`ozps.indicators.${r.key}`), year: y })}
                                value={texts[key] ?? ''}
                                error={error ? t(`ozps.valueErrors.${error}`) : undefined}
                                onChange={(e) => setTexts((old) => ({ ...old, [key]: e.currentTarget.value }))}
                                styles={{ input: { textAlign: 'right' } }}
                                data-testid={`ozps-cell-${key}`}
                              />
                            ) : (
                              <Text ta="right" size="sm">
                                {r.values[i] === null ? t('ozps.ui.empty') : shown(r, r.values[i] ?? null)}
                              </Text>
                            )}
                          </Table.Td>
                        );
                      })}
                      <Table.Td ta="right" data-testid={`ozps-forecast-${r.key}`}>
                        {r.forecast === null ? (
                          <Text size="sm" c="dimmed">
                            {t('ozps.ui.noForecast')}
                          </Text>
                        ) : (
                          shown(r, r.forecast)
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
      <Text size="xs" c="dimmed">
        {t('ozps.ui.forecastHint')}
      </Text>
      {writes ? (
        <Group>
          <Button onClick={() => (changes.length === 0 ? setMessage(t('ozps.ui.nothingChanged')) : invalid.length > 0 ? setMessage(t('ozps.ui.invalidCells', { count: invalid.length })) : save.mutate())} loading={save.isPending} data-testid="ozps-save">
            {t('ozps.ui.save')}
          </Button>
          {view.updatedAt ? (
            <Text size="sm" c="dimmed">
              {t('ozps.ui.updatedAt', { date: f.dateTime(view.updatedAt) })}
            </Text>
          ) : null}
        </Group>
      ) : null}
      {message ? (
        <Text role="status" data-testid="ozps-message">
          {message}
        </Text>
      ) : null}
      {save.error ? <ErrorAlert error={save.error} /> : null}
    </Stack>
  );
}
