import { Anchor, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPublications } from '@potreby/server/public-site/schema';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { TerritoryPicker } from '../components/TerritoryPicker';

const SECTIONS = ['services', 'gaps', 'plan', 'fiches'] as const;
const publicationKey = (territoryId: number) => ['publications', territoryId] as const;

/**
 * What a territory shows on its public page (issue 9, item 5): a switch per section (services,
 * gaps, plan, fiches) for its officers, the date each was published, and a link to the page as
 * residents read it. `?territoryId=` keeps the place in the address.
 */
export function PublicationPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user } = useSession();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const own = user?.territory && ['municipality', 'region'].includes(user.territory.level) ? user.territory.id : null;
  const territoryId = params.get('territoryId') ? Number(params.get('territoryId')) : own;
  const state = useQuery({ queryKey: publicationKey(territoryId ?? 0), queryFn: () => api.get<TPublications>(`/territories/${territoryId}/publications`), enabled: territoryId !== null });
  const change = useMutation({
    mutationFn: ({ section, published }: { section: string; published: boolean }) => api.put<TPublications>(`/territories/${territoryId}/publications/${section}`, { published }),
    onSuccess: (data) => client.setQueryData(publicationKey(territoryId ?? 0), data),
  });
  const data = state.data;

  return (
    <Stack gap="md">
      <PageTitle title={t('publicSite.ui.pageTitle')} />
      <Text>{t('publicSite.ui.intro')}</Text>
      <TerritoryPicker label={t('publicSite.ui.territory')} levels={['municipality', 'region']} value={territoryId} clearable={false} onChange={(id) => setParams(id === null ? {} : { territoryId: String(id) })} data-testid="publication-territory" />
      <ErrorAlert error={state.error ?? change.error} />
      {data ? (
        <>
          <Group>
            <Anchor href={`${data.publicPath}?lang=${fmt.language}`} data-testid="publication-public-link">
              {t('publicSite.ui.openPublic')}
            </Anchor>
          </Group>
          {!data.mayPublish ? <Text c="dimmed">{t('publicSite.ui.readOnly')}</Text> : null}
          {SECTIONS.map((section) => {
            const s = data.sections.find((x) => x.section === section);
            return (
              <Card key={section} withBorder padding="md" data-testid={`publication-${section}`}>
                <Stack gap={4}>
                  <Switch
                    label={t(`publicSite.sections.${section}`)}
                    description={t(`publicSite.ui.sectionHelp.${section}`)}
                    checked={!!s?.published}
                    disabled={!data.mayPublish || change.isPending}
                    onChange={(e) => change.mutate({ section, published: e.currentTarget.checked })}
                    data-testid={`publication-switch-${section}`}
                  />
                  <Text size="sm" c="dimmed" data-testid={`publication-state-${section}`}>
                    {s?.published && s.publishedAt ? t('publicSite.ui.publishedOn', { date: fmt.date(s.publishedAt), user: s.publishedBy ?? '' }) : t('publicSite.ui.notPublished')}
                  </Text>
                </Stack>
              </Card>
            );
          })}
        </>
      ) : null}
    </Stack>
  );
}
