import { Alert, Group, Text, type MantineSpacing } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { checkRegistryYear } from '@potreby/domain';
import { useFormat } from '../app/format';
import { useSession } from '../app/session';
import { WARNING_COLOUR } from '../questionnaires/colours';
import { CopyYear } from './CopyYear';
import { useRegistryYears } from './registry-years';

/**
 * Says so when the year shown holds far fewer sites in the territory's registry than the year
 * before (domain: service-sites/registry-year.ts) — its figures describe part of the services
 * only — and offers those who keep the registry to start the year from the previous year's sites.
 */
export function RegistryYearWarning({
  territoryId,
  territoryName,
  year,
  onCopied,
  mb,
}: {
  territoryId: number;
  territoryName: string;
  year: number;
  onCopied?: (toYear: number) => void;
  mb?: MantineSpacing;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { permissions } = useSession();
  const registry = useRegistryYears(territoryId);
  if (!registry.data) return null;
  const check = checkRegistryYear(registry.data.years, year);
  if (!check.incomplete || !check.previous) return null;
  const from = check.previous.year;
  const canCopy = permissions?.editServiceSites ?? false;
  const shown =
    check.sites === 0 ? t('registry.yearCheck.shownNone', { year }) : t('registry.yearCheck.shown', { year, count: check.sites, formatted: fmt.number(check.sites) });
  const previous = t('registry.yearCheck.previous', { year: from, count: check.previous.sites, formatted: fmt.number(check.previous.sites) });
  return (
    <Alert color={WARNING_COLOUR} variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('registry.yearCheck.title', { year })} mb={mb} data-testid="registry-year-warning">
      <Text size="sm">{t('registry.yearCheck.text', { shown, previous, year })}</Text>
      <Text size="sm" mt={4}>
        {canCopy ? t('registry.yearCheck.hint', { year, from }) : t('registry.yearCheck.hintReadOnly', { year, from })}
      </Text>
      {canCopy ? (
        <Group mt="sm">
          <CopyYear territoryId={territoryId} territoryName={territoryName} year={from} toYear={year} label={t('registry.yearCheck.copy', { from, to: year })} onCopied={(to) => onCopied?.(to)} />
        </Group>
      ) : null}
    </Alert>
  );
}
