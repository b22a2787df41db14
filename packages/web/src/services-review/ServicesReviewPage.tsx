import { COUNTRY_LANGUAGE } from '@potreby/i18n';
import { Alert, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TReviewedService, TServicesReview } from '@potreby/server/services-review/schema';
import { api, withQuery } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { ServiceNotes } from './ServiceNotes';
import { UsersChart } from './UsersChart';

/**
 * The municipal services review (issue 8, story 2): a forum goes through the municipality's active
 * services — users over the years, results, challenges, good practices of partners — and takes
 * the same away as a document.
 */
export function ServicesReviewPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const own = user?.territory?.level === 'municipality' ? user.territory.id : null;
  const municipalityId = params.get('municipalityId') ? Number(params.get('municipalityId')) : own;

  const review = useQuery({
    queryKey: ['services-review', municipalityId],
    queryFn: () => api.get<TServicesReview>(`/services-review/${municipalityId}`),
    enabled: municipalityId !== null,
  });
  const href = (format: 'docx' | 'pdf') => withQuery(`/api/v1/services-review/${municipalityId}/document/${format}`, { year: review.data?.year, lang: i18n.language });

  return (
    <Stack gap="md">
      <PageTitle title={t('review.title')}>
        {review.data ? (
          <Group gap="xs" wrap="nowrap">
            <Button component="a" href={href('docx')} download variant="default" size="xs" leftSection={<IconFileTypeDocx size={14} aria-hidden />} data-testid="review-docx">
              {t('review.downloadDocx')}
            </Button>
            <Button component="a" href={href('pdf')} download variant="default" size="xs" leftSection={<IconFileTypePdf size={14} aria-hidden />} data-testid="review-pdf">
              {t('review.downloadPdf')}
            </Button>
          </Group>
        ) : null}
      </PageTitle>
      <Text>{t('review.intro')}</Text>
      <TerritoryPicker
        label={t('review.municipality')}
        levels={['municipality']}
        value={municipalityId}
        clearable={false}
        onChange={(id) => setParams(id === null ? {} : { municipalityId: String(id) })}
        data-testid="review-municipality"
      />
      {review.isLoading ? <Loader size="sm" /> : null}
      {review.error ? <ErrorAlert error={review.error} /> : null}
      {review.data ? <Review review={review.data} /> : null}
    </Stack>
  );
}

function Review({ review }: { review: TServicesReview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('review.reviewedYear', { year: review.year })}
      </Title>
      {review.services.length === 0 ? (
        <Alert color="gray">{t('review.noServices', { year: review.year })}</Alert>
      ) : (
        <>
          <section aria-label={t('review.chartTitle')}>
            <Title order={3} size="h4" mb="xs">
              {t('review.chartTitle')}
            </Title>
            <UsersChart review={review} />
          </section>
          {!review.mayEdit ? <Text c="dimmed">{t('review.readOnly')}</Text> : null}
          {review.services.map((s) => (
            <ServiceCard key={`${review.municipality.id}-${review.year}-${s.settlementId}-${s.siteKey}`} review={review} service={s} />
          ))}
        </>
      )}
    </Stack>
  );
}

function ServiceCard({ review, service }: { review: TServicesReview; service: TReviewedService }) {
  const { t } = useTranslation();
  const names = useNames();
  const format = useFormat();
  const unit = t(`review.unit.${service.unit}`);
  // A site's name and provider are as the registry has them, in the country's language.
  const dataLanguage: string | undefined = COUNTRY_LANGUAGE[service.settlement.country];
  return (
    <Card withBorder padding="sm" data-testid={`review-service-${service.settlementId}-${service.siteKey}`}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }} lang={dataLanguage}>
            {service.name}
          </Title>
          <Text size="sm" c="dimmed">
            {names.serviceType(service.serviceType)}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('review.provider')}: <span lang={dataLanguage}>{service.provider}</span> · {t('review.settlement')}: {names.territory(service.settlement)}
          </Text>
        </div>
        <Table withTableBorder striped fz="sm" aria-label={`${service.name}: ${t('review.users')}, ${t('review.capacity')}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('review.year')}</Table.Th>
              <Table.Th ta="right">{t('review.users')}</Table.Th>
              <Table.Th ta="right">
                {t('review.capacity')} ({unit})
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {service.figures.map((f) => (
              <Table.Tr key={f.year}>
                <Table.Td>{f.year}</Table.Td>
                <Table.Td ta="right">{f.users === null ? t('review.unknown') : format.number(f.users)}</Table.Td>
                <Table.Td ta="right">{format.number(f.capacity)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ServiceNotes municipalityId={review.municipality.id} year={review.year} service={service} mayEdit={review.mayEdit} />
      </Stack>
    </Card>
  );
}
