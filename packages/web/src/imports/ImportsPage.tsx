import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  FileInput,
  Grid,
  Group,
  List,
  NumberInput,
  Paper,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileUpload, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { COUNTRIES } from '@potreby/domain';
import type { TImportKindParam, TImportResult } from '@potreby/server/imports/schema';
import { ApiError } from '../api/client';
import { useFormat } from '../app/format';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { DatasetList } from './DatasetList';
import { ImportReport } from './ImportReport';
import { acceptOf, columnsOf, KINDS, TEMPLATE_TABLE } from './import-kinds';
import { uploadImport } from './upload-import';
import { ScrollTable } from '../components/ScrollTable';

/** Import territories, population, indicators, service sites or boundaries, all or nothing. */
export function ImportsPage() {
  const { t } = useTranslation();
  const { permissions, session } = useSession();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<TImportKindParam>('services');
  const [country, setCountry] = useState<string | null>(null);
  const [year, setYear] = useState<string | number>('');
  const [source, setSource] = useState('');
  const [illustrative, setIllustrative] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: async (): Promise<TImportResult> => {
      const form = new FormData();
      if (country) form.set('country', country);
      if (year !== '' && year !== null) form.set('year', String(year));
      if (source.trim()) form.set('source', source.trim());
      form.set('illustrative', illustrative ? 'yes' : 'no');
      form.set('file', file!);
      setProgress(0);
      return uploadImport(kind, form, session?.csrfToken ?? null, setProgress);
    },
    onSuccess: async () => {
      // Every figure may rest on what was imported.
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
    onSettled: () => setProgress(null),
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFileError(t('imports.form.fileRequired'));
      return;
    }
    setFileError(null);
    upload.mutate();
  };

  const rejected = upload.error instanceof ApiError && upload.error.code === 'import.rejected' ? upload.error.problem : null;
  const unreadable = upload.error instanceof ApiError && upload.error.code === 'import.unreadable';

  return (
    <Stack gap="lg">
      <PageTitle title={t('imports.title')} />
      <Text size="sm" c="gray.7" maw={900}>
        {t('imports.intro')}
      </Text>

      {permissions && !permissions.importData ? (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />} data-testid="imports-not-allowed">
          {t('imports.notAllowed')}
        </Alert>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-labelledby="imports-form-heading" noValidate>
              <Stack gap="md">
                <Title order={2} size="h4" id="imports-form-heading">
                  {t('imports.form.heading')}
                </Title>
                <Radio.Group
                  label={t('imports.form.kind')}
                  value={kind}
                  onChange={(v) => {
                    setKind(v as TImportKindParam);
                    upload.reset();
                  }}
                  data-testid="import-kind"
                >
                  <Stack gap={6} mt={6}>
                    {KINDS.map((k) => (
                      <Radio key={k} value={k} label={t(`imports.kinds.${k}`)} description={t(`imports.kindShort.${k}`)} data-testid={`import-kind-${k}`} />
                    ))}
                  </Stack>
                </Radio.Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <Select
                    label={t('imports.form.country')}
                    description={t('imports.form.countryHelp')}
                    placeholder={t('imports.form.countryFromFile')}
                    data={COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))}
                    value={country}
                    onChange={setCountry}
                    clearable
                    clearButtonProps={{ 'aria-label': t('imports.form.clearCountry') }}
                    data-testid="import-country"
                    comboboxProps={{ withinPortal: true }}
                  />
                  <NumberInput
                    label={t('imports.form.year')}
                    description={t('imports.form.yearHelp')}
                    value={year}
                    onChange={setYear}
                    min={1900}
                    max={2100}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator={false}
                    data-testid="import-year"
                  />
                </SimpleGrid>
                <TextInput
                  label={t('imports.form.source')}
                  description={t('imports.form.sourceHelp')}
                  value={source}
                  onChange={(e) => setSource(e.currentTarget.value)}
                  maxLength={500}
                  data-testid="import-source"
                />
                <Checkbox
                  label={t('imports.form.illustrative')}
                  description={t('imports.form.illustrativeHelp')}
                  checked={illustrative}
                  onChange={(e) => setIllustrative(e.currentTarget.checked)}
                  data-testid="import-illustrative"
                />
                <FileInput
                  label={t('imports.form.file')}
                  description={t(kind === 'boundaries' ? 'imports.form.fileHelpGeo' : 'imports.form.fileHelp')}
                  placeholder={t('imports.form.filePlaceholder')}
                  accept={acceptOf(kind)}
                  value={file}
                  onChange={(f) => {
                    setFile(f);
                    setFileError(null);
                    upload.reset();
                  }}
                  clearable
                  clearButtonProps={{ 'aria-label': t('imports.form.clearFile') }}
                  required
                  error={fileError}
                  leftSection={<IconFileUpload size={16} aria-hidden />}
                  data-testid="import-file"
                />
                <Group>
                  <Button type="submit" loading={upload.isPending} data-testid="import-submit">
                    {t('imports.form.submit')}
                  </Button>
                </Group>
                {upload.isPending && (
                  <Stack gap={4} aria-live="polite">
                    <Text size="sm">{progress !== null && progress < 1 ? t('imports.form.uploading') : t('imports.form.checking')}</Text>
                    <Progress
                      value={progress !== null && progress < 1 ? Math.round(progress * 100) : 100}
                      animated={progress === null || progress >= 1}
                      striped={progress === null || progress >= 1}
                      aria-label={t('imports.form.progress')}
                    />
                  </Stack>
                )}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <FormatHelp kind={kind} />
          </Grid.Col>
        </Grid>
      )}

      <div aria-live="polite">
        {upload.data && <ImportSuccess result={upload.data} />}
        {rejected && <ImportReport problem={rejected} fileName={file?.name ?? null} />}
        {upload.error && !rejected && (
          <Stack gap="xs" data-testid="import-failed">
            <ErrorAlert error={upload.error} title={unreadable ? t('imports.report.unreadableTitle') : undefined} />
            <Text size="sm" fw={600}>
              {t('imports.report.nothingChanged')}
            </Text>
          </Stack>
        )}
      </div>

      <section aria-labelledby="imports-history-heading">
        <Title order={2} size="h4" id="imports-history-heading" mb="xs">
          {t('imports.history.heading')}
        </Title>
        <DatasetList />
      </section>
    </Stack>
  );
}

function ImportSuccess({ result }: { result: TImportResult }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Alert color="green.9" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('imports.success.title')} data-testid="import-success">
      <Text size="sm" data-testid="import-success-rows">
        {t('imports.success.rows', { count: result.rows, formatted: format.number(result.rows) })}
      </Text>
      <Text size="sm" data-testid="import-success-format">
        {t('imports.success.format', { format: t(`imports.formats.${result.format}`, { defaultValue: result.format }) })}
      </Text>
      {result.skipped.length > 0 && (
        <>
          <Text size="sm" mt="xs">
            {t('imports.success.skipped')}
          </Text>
          <List size="sm" data-testid="import-skipped">
            {result.skipped.map((s) => (
              <List.Item key={s.reason}>
                {t('imports.success.skippedLine', {
                  count: s.count,
                  formatted: format.number(s.count),
                  reason: t(`imports.skipReasons.${s.reason}`, { defaultValue: s.reason }),
                })}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

/** What the chosen kind of file looks like, and a template to start from. */
function FormatHelp({ kind }: { kind: TImportKindParam }) {
  const { t } = useTranslation();
  const columns = columnsOf(kind);
  const template = TEMPLATE_TABLE[kind];
  return (
    <Paper withBorder p="md" radius="md" data-testid="import-format-help">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('imports.format.heading', { kind: t(`imports.kinds.${kind}`) })}
        </Title>
        <Text size="sm">{t(`imports.kindHelp.${kind}`)}</Text>
        {kind === 'territories' && (
          <>
            <Text size="sm" fw={600}>
              {t('imports.format.registers')}
            </Text>
            <List size="sm" spacing={2}>
              <List.Item>{t('imports.format.katottg')}</List.Item>
              <List.Item>{t('imports.format.teryt')}</List.Item>
              <List.Item>{t('imports.format.ekatte')}</List.Item>
            </List>
          </>
        )}
        {kind === 'population' && (
          <>
            <Text size="sm" fw={600}>
              {t('imports.format.registers')}
            </Text>
            <List size="sm" spacing={2}>
              <List.Item>{t('imports.format.nsiByAge')}</List.Item>
              <List.Item>{t('imports.format.bgSettlementPopulation')}</List.Item>
            </List>
          </>
        )}
        {columns.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('imports.format.columns')}
            </Text>
            <ScrollTable label={t('imports.format.columns')}>
              <Table withTableBorder striped data-testid="import-columns">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('imports.format.column')}</Table.Th>
                    <Table.Th scope="col">{t('imports.format.required')}</Table.Th>
                    <Table.Th scope="col">{t('imports.format.meaning')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {columns.map((c) => (
                    <Table.Tr key={c.name}>
                      <Table.Td>
                        <Code>{c.name}</Code>
                      </Table.Td>
                      <Table.Td>{c.required ? t('imports.format.yes') : t('imports.format.no')}</Table.Td>
                      <Table.Td>
                        {/* Values to write in the file (`public`, `yes` …) are shown as code, apart from the words of the sentence. */}
                        <Trans i18nKey={`imports.columns.${kind}.${c.name}`} components={{ c: <Code /> }} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Text size="xs" c="gray.7">
              {t('imports.format.rules')}
            </Text>
          </>
        )}
        {template && (
          <Group>
            <Anchor href={`/api/v1/exports/${template}/csv`} download size="sm" data-testid="import-template">
              <Group gap={4} component="span">
                <IconDownload size={14} aria-hidden />
                {t('imports.format.template', { kind: t(`imports.kinds.${kind}`) })}
              </Group>
            </Anchor>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
