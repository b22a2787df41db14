import { Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TTerritoryDetail } from '@potreby/server/territories/schema';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSearchPatch } from '../app/search-patch';
import { useSession } from '../app/session';
import { PageTitle } from '../components/PageTitle';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { mayPropose } from '../planning/round-access';
import { PortfolioPanel } from './PortfolioPanel';
import { WorkshopsPanel } from './WorkshopsPanel';
import { useWorkshops } from './fiche-queries';

/**
 * Project fiches of a municipality's development plan (issue 9, item 2; story 3): the working
 * group's meetings with the problems and ideas raised, and the fiches that answer them, ranked in
 * a portfolio. `?municipalityId=` and `?tab=` keep the place in the address.
 */
export function FichesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, go] = useSearchPatch();
  const own = user?.territory?.level === 'municipality' ? user.territory.id : null;
  const municipalityId = params.get('municipalityId') ? Number(params.get('municipalityId')) : own;
  const tab = params.get('tab') === 'fiches' ? 'fiches' : 'meetings';
  const place = useQuery({ queryKey: ['territory', municipalityId], queryFn: () => api.get<TTerritoryDetail>(`/territories/${municipalityId}`), enabled: municipalityId !== null });
  const workshops = useWorkshops(municipalityId ?? 0);
  const writes = mayPropose(user);

  return (
    <Stack gap="md">
      <PageTitle title={t('fiches.ui.pageTitle')} />
      <Text>{t('fiches.ui.intro')}</Text>
      <TerritoryPicker label={t('fiches.ui.municipality')} levels={['municipality']} value={municipalityId} clearable={false} onChange={(id) => go({ municipalityId: id === null ? null : String(id) })} data-testid="fiches-municipality" />
      {municipalityId !== null ? (
        <Tabs value={tab} onChange={(v) => go({ tab: v === 'fiches' ? 'fiches' : null })} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="meetings" data-testid="fiches-tab-meetings">
              {t('fiches.ui.meetingsTab')}
            </Tabs.Tab>
            <Tabs.Tab value="fiches" data-testid="fiches-tab-fiches">
              {t('fiches.ui.fichesTab')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="meetings">
            <WorkshopsPanel municipalityId={municipalityId} writes={writes} />
          </Tabs.Panel>
          <Tabs.Panel value="fiches">{place.data ? <PortfolioPanel municipalityId={municipalityId} country={place.data.territory.country} workshops={workshops.data?.items ?? []} writes={writes} /> : null}</Tabs.Panel>
        </Tabs>
      ) : null}
    </Stack>
  );
}
