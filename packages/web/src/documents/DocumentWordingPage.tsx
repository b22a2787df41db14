import { Alert, Button, Card, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { COUNTRY_LANGUAGE, LANGUAGES, type TLanguage } from '@potreby/i18n';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';

type Country = keyof typeof COUNTRY_LANGUAGE;
type Item = { key: string; default: string; text: string | null; updatedAt: string | null };

/** The documents whose fixed text can be reworded, by country (the server's documents/kinds.ts decides which texts). */
const EVERY_COUNTRY = ['consultation_report', 'fiches'];
const KINDS: Record<Country, string[]> = {
  BG: ['bg.needs_analysis', 'bg.planning_proposal', 'bg.agreement', 'bg.annual_plan', 'bg.services_review', ...EVERY_COUNTRY],
  UA: ['ua.needs_report', 'ua.social_passport', ...EVERY_COUNTRY],
  PL: ['pl.diagnosis', 'pl.programme', 'pl.ozps', ...EVERY_COUNTRY],
};

/**
 * An administrator rewords an official document's fixed text for a country (issue 9, item 3):
 * each heading, paragraph, legal basis and signature line, beside the translation files' text,
 * saved one at a time, restored with one click; the documents use it from the next download.
 */
export function DocumentWordingPage() {
  const { t } = useTranslation();
  const names = useNames();
  const { user } = useSession();
  const { i18n } = useTranslation();
  // The administrator's own country: their territory's, else the one whose language the screen speaks.
  const initial: Country = (user?.territory?.country as Country | undefined) ?? (Object.keys(COUNTRY_LANGUAGE) as Country[]).find((c) => COUNTRY_LANGUAGE[c] === i18n.language) ?? 'BG';
  const [country, setCountry] = useState<Country>(initial);
  const [kind, setKind] = useState<string>(KINDS[initial][0]!);
  const [language, setLanguage] = useState<TLanguage>(COUNTRY_LANGUAGE[initial]);
  const texts = useQuery({ queryKey: ['document-wording', country, kind, language], queryFn: () => api.get<{ items: Item[] }>(`/document-wording/${country}/${kind}`, { lang: language }) });
  const w = (key: string, options?: Record<string, unknown>) => t(`officialDocuments.wording.${key}`, options);

  const chooseCountry = (next: Country) => {
    setCountry(next);
    setKind(KINDS[next][0]!);
    setLanguage(COUNTRY_LANGUAGE[next]);
  };

  return (
    <Stack gap="md">
      <PageTitle title={w('pageTitle')} />
      <Text>{w('intro')}</Text>
      <Group align="flex-end" wrap="wrap">
        <Select label={w('country')} data={(Object.keys(KINDS) as Country[]).map((c) => ({ value: c, label: names.country(c) }))} value={country} onChange={(v) => v && chooseCountry(v as Country)} allowDeselect={false} data-testid="wording-country" />
        <Select label={w('document')} data={KINDS[country].map((k) => ({ value: k, label: t(`officialDocuments.kinds.${k.replace('.', '_')}.name`) }))} value={kind} onChange={(v) => v && setKind(v)} allowDeselect={false} data-testid="wording-kind" />
        <Select label={w('language')} data={LANGUAGES.map((l) => ({ value: l, label: names.languageName(l) }))} value={language} onChange={(v) => v && setLanguage(v as TLanguage)} allowDeselect={false} data-testid="wording-language" />
      </Group>
      <Text size="sm" c="dimmed">
        {w('placeholders')}
      </Text>
      <ErrorAlert error={texts.error} />
      {texts.data?.items.map((item) => <WordingRow key={`${country}-${kind}-${language}-${item.key}`} path={`/document-wording/${country}/${kind}`} language={language} item={item} />)}
    </Stack>
  );
}

function WordingRow({ path, language, item }: { path: string; language: TLanguage; item: Item }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState(item.text ?? item.default);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const w = (key: string) => t(`officialDocuments.wording.${key}`);
  const send = async (value: string | null) => {
    setError(null);
    setSaved(false);
    try {
      const next = await api.put<Item>(path, { lang: language, key: item.key, text: value });
      setText(next.text ?? next.default);
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['document-wording'] });
    } catch (e) {
      setError(e);
    }
  };
  const label = item.default.length > 90 ? `${item.default.slice(0, 90)}…` : item.default;
  return (
    <Card withBorder padding="sm" data-testid="wording-item">
      <Stack gap="xs">
        {/* The text is in the language being reworded, which may not be the screen's (WCAG 3.1.2). */}
        <Textarea label={<span lang={language}>{label}</span>} lang={language} description={item.text === null ? w('asInFiles') : w('reworded')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={1} maxRows={8} maxLength={4000} />
        <Group gap="xs">
          <Button size="xs" onClick={() => void send(text === item.default ? null : text)} disabled={text === (item.text ?? item.default)} data-testid="wording-save">
            {w('save')}
          </Button>
          {item.text !== null ? (
            <Button size="xs" variant="default" onClick={() => void send(null)} data-testid="wording-restore">
              {w('restore')}
            </Button>
          ) : null}
        </Group>
        {saved ? (
          <Alert color="green" variant="light" role="status">
            {w('saved')}
          </Alert>
        ) : null}
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  );
}
