import { Alert, Button, Card, Group, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf } from '@tabler/icons-react';
import { LANGUAGES, COUNTRY_LANGUAGE, type TLanguage } from '@potreby/i18n';
import type { TTerritoryDetail } from '@potreby/server/territories/schema';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { errorMessage } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { TerritoryPicker } from '../components/TerritoryPicker';

type Kind = { kind: string; country: string | null };
const FORMATS = ['docx', 'pdf'] as const;

/** The year a document is usually wanted for: the OZPS reports on the year before; the rest on the current one. */
const defaultYear = (kind: string) => new Date().getFullYear() - (kind === 'pl.ozps' ? 1 : 0);

/**
 * The official documents of a territory (issue 9, item 3): each with what it is, a year and
 * two files. A document whose data are missing says so on its card — what to enter and where —
 * instead of downloading. `?territoryId=` keeps the place in the address.
 */
export function DocumentsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const territoryId = params.get('territoryId') ? Number(params.get('territoryId')) : (user?.territory?.id ?? null);
  const place = useQuery({ queryKey: ['territory', territoryId], queryFn: () => api.get<TTerritoryDetail>(`/territories/${territoryId}`), enabled: territoryId !== null });
  const kinds = useQuery({ queryKey: ['documents', territoryId], queryFn: () => api.get<{ items: Kind[] }>(`/territories/${territoryId}/documents`), enabled: territoryId !== null });
  const country = place.data?.territory.country as keyof typeof COUNTRY_LANGUAGE | undefined;
  const [language, setLanguage] = useState<TLanguage | null>(null);
  const names = useNames();
  const chosenLanguage = language ?? (country ? COUNTRY_LANGUAGE[country] : null);

  return (
    <Stack gap="md">
      <PageTitle title={t('officialDocuments.ui.pageTitle')} />
      <Text>{t('officialDocuments.ui.intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        <TerritoryPicker
          label={t('officialDocuments.ui.territory')}
          value={territoryId}
          clearable={false}
          onChange={(id) => setParams(id === null ? {} : { territoryId: String(id) })}
          data-testid="documents-territory"
        />
        <Select
          label={t('officialDocuments.ui.language')}
          data={LANGUAGES.map((l) => ({ value: l, label: names.languageName(l) }))}
          value={chosenLanguage}
          onChange={(v) => setLanguage(v as TLanguage | null)}
          allowDeselect={false}
          data-testid="documents-language"
          style={{ minWidth: 200 }}
        />
      </Group>
      {territoryId === null ? <Text c="dimmed">{t('officialDocuments.ui.choose')}</Text> : null}
      {kinds.data?.items.length === 0 ? <Text>{t('officialDocuments.ui.none')}</Text> : null}
      {territoryId !== null && chosenLanguage
        ? kinds.data?.items.map((k) => <DocumentCard key={`${territoryId}-${k.kind}`} territoryId={territoryId} kind={k.kind} language={chosenLanguage} />)
        : null}
    </Stack>
  );
}

function DocumentCard({ territoryId, kind, language }: { territoryId: number; kind: string; language: TLanguage }) {
  const { t } = useTranslation();
  const key = kind.replace('.', '_');
  const [year, setYear] = useState<number>(defaultYear(kind));
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const name = t(`officialDocuments.kinds.${key}.name`);

  const fetchFile = async (format: string) => {
    setBusy(format);
    setOutcome(null);
    try {
      const file = await api.download(`/territories/${territoryId}/documents/${kind}/${format}`, { year, lang: language });
      setOutcome({ ok: true, text: t('officialDocuments.ui.downloaded', { file }) });
    } catch (error) {
      // What is missing comes from the server already filled in (the place, the year, where to enter it).
      setOutcome({ ok: false, text: error instanceof ApiError && error.code === 'document.missing_data' ? error.problem.title : errorMessage(t, error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card withBorder padding="md" data-testid={`document-${kind}`}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {name}
        </Title>
        <Text size="sm">{t(`officialDocuments.kinds.${key}.description`)}</Text>
        {kind === 'pl.ozps' ? (
          <Text size="sm" c="dimmed">
            {t('officialDocuments.ui.ozpsYear')}
          </Text>
        ) : null}
        <Group align="flex-end" wrap="wrap">
          <NumberInput label={t('officialDocuments.ui.year')} value={year} onChange={(v) => typeof v === 'number' && setYear(v)} min={1990} max={2100} allowDecimal={false} thousandSeparator="" w={120} data-testid={`document-${kind}-year`} />
          {FORMATS.map((format) => (
            <Button
              key={format}
              variant="default"
              leftSection={format === 'docx' ? <IconFileTypeDocx aria-hidden size={18} /> : <IconFileTypePdf aria-hidden size={18} />}
              loading={busy === format}
              onClick={() => void fetchFile(format)}
              aria-label={t('officialDocuments.ui.download', { format: format.toUpperCase(), name })}
              data-testid={`document-${kind}-${format}`}
            >
              {format.toUpperCase()}
            </Button>
          ))}
        </Group>
        {outcome ? (
          <Alert color={outcome.ok ? 'green' : 'orange'} variant="light" role={outcome.ok ? 'status' : 'alert'} data-testid={`document-${kind}-outcome`}>
            {outcome.text}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
