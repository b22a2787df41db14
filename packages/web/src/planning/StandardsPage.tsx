import { useState } from 'react';
import { NumberInput, Paper, Select, SimpleGrid, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type TCountry } from '@potreby/domain';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { PageTitle } from '../components/PageTitle';
import { PlanFileImport } from './PlanFileImport';

/**
 * A country's planning standards for a year (issue 8): the annual cost of one unit of each
 * service type, which costs the items that name no cost of their own, and the National Map's
 * ceilings, which `above_ceiling` holds the plan against. Set nationally: administrators and the
 * national agency. No year is assumed: a standard put into the wrong year would silently change
 * every round's budget and checks.
 */
export function StandardsPage() {
  const { t } = useTranslation();
  const names = useNames();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [country, setCountry] = useState<TCountry | null>((user?.territory as { country?: TCountry } | null)?.country ?? null);
  const [year, setYear] = useState<number | ''>('');
  const fields = { country, year: year === '' ? null : String(year) };
  // Every round's checks and budget may change with a standard.
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['planning-round'] });

  return (
    <>
      <PageTitle title={t('planImports.standardsTitle')} />
      <Text mb="md" maw={820}>
        {t('planImports.standardsIntro')}
      </Text>
      <Paper withBorder p="sm" mb="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} maw={520}>
          <Select
            label={t('planImports.country')}
            placeholder={t('planImports.chooseCountry')}
            data={COUNTRIES.map((c) => ({ value: c, label: names.country(c) }))}
            value={country}
            onChange={(v) => setCountry(v as TCountry | null)}
            required
            data-testid="standards-country"
          />
          <NumberInput
            label={t('planImports.year')}
            description={t('planImports.yearHint')}
            value={year}
            min={1990}
            max={2200}
            allowDecimal={false}
            onChange={(v) => setYear(typeof v === 'number' ? v : v === '' ? '' : Number(v) || '')}
            required
            data-testid="standards-year"
          />
        </SimpleGrid>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {(['unit-costs', 'ceilings'] as const).map((kind) => (
          <Paper key={kind} withBorder p="sm" component="section" aria-labelledby={`standards-${kind}`}>
            <Title order={2} size="h4" id={`standards-${kind}`} mb="xs">
              {t(`planImports.title.${kind}`)}
            </Title>
            <PlanFileImport kind={kind} path={`/planning/imports/${kind}`} fields={fields} onImported={refresh} />
          </Paper>
        ))}
      </SimpleGrid>
    </>
  );
}
