import { useState } from 'react';
import { Alert, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { csvText } from '@potreby/domain';
import { PLAN_IMPORT_COLUMNS, type TPlanImportKind } from '@potreby/domain/planning/import-plan-files';
import type { TPlanImportResult } from '@potreby/server/planning/schema';
import { api, ApiError } from '../api/client';
import { useFormat } from '../app/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportReport } from '../imports/ImportReport';
import { downloadBlob } from '../components/download-blob';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Props = {
  kind: TPlanImportKind;
  /** The route that takes the file, under /api/v1. */
  path: string;
  /** Further form fields the route needs (country and year of a standard); null: not chosen yet. */
  fields?: Record<string, string | null>;
  onImported?: (result: TPlanImportResult) => void | Promise<void>;
};

/**
 * A planning file (a round's proposal items, a country's unit costs or ceilings), imported all or
 * nothing: the columns it needs, a template to fill in with the headers in the reader's language
 * (the import reads them in any of the four), and, when the file is refused, every row's problem.
 */
export function PlanFileImport({ kind, path, fields = {}, onImported }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<TPlanImportResult | null>(null);
  const columns = PLAN_IMPORT_COLUMNS[kind];
  const header = (c: string) => t(`columns.${kind}.${c}`);
  const missingField = Object.values(fields).some((v) => v === null || v === '');

  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) if (v) form.set(k, v);
      form.set('file', file!);
      return api.post<TPlanImportResult>(path, form);
    },
    onMutate: () => setImported(null),
    onSuccess: async (result) => {
      setImported(result);
      setFile(null);
      await onImported?.(result);
    },
  });

  const template = () => {
    // The byte-order mark makes spreadsheet programs read the file as UTF-8 (Cyrillic, Polish letters).
    const line = columns.map((c) => csvText(header(c))).join(',');
    downloadBlob(new Blob([`\uFEFF${line}\r\n`], { type: 'text/csv;charset=utf-8' }), `${t(`planImports.fileName.${kind}`)}.csv`);
  };

  const rejected = upload.error instanceof ApiError && upload.error.problem.errors ? upload.error.problem : null;
  return (
    <Stack gap="sm" data-testid={`plan-import-${kind}`}>
      <Text size="sm">{t(`planImports.intro.${kind}`)}</Text>
      <Text size="sm" c="gray.7" data-testid="plan-import-columns">
        {t('planImports.columns')} {columns.map(header).join(', ')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <FileInput
          label={t('planImports.file')}
          placeholder={t('planImports.choose')}
          accept={ACCEPT}
          value={file}
          onChange={(f) => {
            setFile(f);
            upload.reset();
            setImported(null);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('planImports.clearFile') }}
          miw={240}
          style={{ flex: 1 }}
          leftSection={<IconFileUpload size={16} aria-hidden />}
          data-testid="plan-import-file"
        />
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={template} data-testid="plan-import-template">
          {t('planImports.template')}
        </Button>
        <Button onClick={() => upload.mutate()} loading={upload.isPending} disabled={!file || missingField} data-testid="plan-import-submit">
          {t('planImports.import')}
        </Button>
      </Group>
      {missingField ? (
        <Text size="sm" c="gray.7">
          {t('planImports.chooseFields')}
        </Text>
      ) : null}
      {imported ? (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status" data-testid="plan-import-done">
          {t(`planImports.done.${kind}`, { count: imported.rows, formatted: fmt.number(imported.rows) })}
        </Alert>
      ) : null}
      {rejected ? <ImportReport problem={rejected} fileName={file?.name ?? null} /> : upload.error ? <ErrorAlert error={upload.error} /> : null}
    </Stack>
  );
}
