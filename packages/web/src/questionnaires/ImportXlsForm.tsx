import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TXlsFormImport } from '@potreby/server/surveys/schema';
import { ApiError, api } from '../api/client';
import { useFormat } from '../app/format';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportReport } from '../imports/ImportReport';
import { FORM_LANGUAGES, languageName } from './languages';
import { SUCCESS_COLOUR } from './colours';

/** The dialog's choice "not stated": no language is sent, none is claimed unless the file names one. */
const UNSAID = 'unsaid';

export type ImportXlsFormProps = {
  assessmentId: number | null;
  territoryId: number | null;
  opened: boolean;
  onClose(): void;
  /** Called once the user goes on after a successful import (also when the dialog is closed then). */
  onImported(questionnaireId: number): void;
};

/**
 * Import an XLSForm (the ODK / KoboToolbox format) as a new questionnaire. What could not be
 * converted is listed by row before the user goes on; a file that is not a valid XLSForm is
 * rejected with its errors row by row, and nothing is created.
 */
export function ImportXlsForm({ assessmentId, territoryId, opened, onClose, onImported }: ImportXlsFormProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  // The language of texts in columns that name none; UNSAID = not said (the file's settings may say).
  const [formLanguage, setFormLanguage] = useState(UNSAID);

  const upload = useMutation({
    mutationFn: (input: { file: File; title: string; formLanguage: string }) => {
      const form = new FormData();
      form.append('file', input.file);
      if (assessmentId !== null) form.append('assessmentId', String(assessmentId));
      if (territoryId !== null) form.append('territoryId', String(territoryId));
      if (input.title.trim()) form.append('title', input.title.trim());
      if (input.formLanguage !== UNSAID) form.append('formLanguage', input.formLanguage);
      return api.post<TXlsFormImport>('/questionnaires/import-xlsform', form);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['assessment'] });
      void queryClient.invalidateQueries({ queryKey: ['questionnaires'] });
    },
  });

  const result = upload.data ?? null;
  const rejected = upload.error instanceof ApiError && upload.error.problem.errors?.length ? upload.error.problem : null;

  const reset = () => {
    upload.reset();
    setFile(null);
    setTitle('');
    setFormLanguage(UNSAID);
  };
  const close = () => {
    const imported = result?.questionnaireId ?? null;
    reset();
    if (imported !== null) onImported(imported);
    else onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('xlsform.title')} size="xl" data-testid="xlsform-dialog">
      {result ? (
        <Stack gap="sm" data-testid="xlsform-result">
          <Alert color={SUCCESS_COLOUR} variant="light" icon={<IconCircleCheck aria-hidden />} title={t('xlsform.done')}>
            <Text size="sm" data-testid="xlsform-converted">
              {t('xlsform.converted', { count: result.questions, formatted: fmt.number(result.questions) })}{' '}
              {result.languages.length ? t('xlsform.languages', { languages: result.languages.map(languageName).join(', ') }) : null}
            </Text>
          </Alert>
          {result.unconverted.length ? (
            <>
              <Text size="sm" fw={600} data-testid="xlsform-unconverted-count">
                {t('xlsform.unconverted', { count: result.unconverted.length, formatted: fmt.number(result.unconverted.length) })}
              </Text>
              <Text size="sm" c="gray.7">
                {t('xlsform.unconvertedHint')}
              </Text>
              <Table.ScrollContainer minWidth={560}>
                <Table striped withTableBorder fz="sm" data-testid="xlsform-unconverted">
                  <caption className="sr-only">{t('xlsform.caption')}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" className="num">
                        {t('xlsform.row')}
                      </Table.Th>
                      <Table.Th scope="col">{t('xlsform.name')}</Table.Th>
                      <Table.Th scope="col">{t('xlsform.type')}</Table.Th>
                      <Table.Th scope="col">{t('xlsform.what')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.unconverted.map((u, i) => (
                      <Table.Tr key={`${u.row}-${i}`} data-testid="xlsform-unconverted-row">
                        <Table.Td className="num">{fmt.number(u.row)}</Table.Td>
                        <Table.Td>
                          <code>{u.name ?? '—'}</code>
                        </Table.Td>
                        <Table.Td>
                          <code>{u.type}</code>
                        </Table.Td>
                        <Table.Td>{u.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          ) : (
            <Text size="sm" data-testid="xlsform-all-converted">
              {t('xlsform.allConverted')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button onClick={close} data-testid="xlsform-open">
              {t('xlsform.open')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('xlsform.intro')}</Text>
          <FileInput
            label={t('xlsform.file')}
            description={t('xlsform.fileHint')}
            placeholder={t('xlsform.choose')}
            accept=".xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
            value={file}
            onChange={(f) => {
              upload.reset();
              setFile(f);
            }}
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            clearable
            clearButtonProps={{ 'aria-label': t('imports.form.clearFile') }}
            required
            data-testid="xlsform-file"
          />
          <TextInput label={t('xlsform.titleLabel')} description={t('xlsform.titleHint')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="xlsform-title" />
          <Select
            label={t('xlsform.languageLabel')}
            description={t('xlsform.languageHint')}
            data={[{ value: UNSAID, label: t('xlsform.languageUnsaid') }, ...FORM_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))]}
            value={formLanguage}
            onChange={(v) => setFormLanguage(v ?? UNSAID)}
            allowDeselect={false}
            data-testid="xlsform-language"
          />
          {rejected ? <ImportReport problem={rejected} fileName={file?.name ?? null} /> : <ErrorAlert error={upload.error} />}
          <DialogActions
            onCancel={close}
            onConfirm={() => file && upload.mutate({ file, title, formLanguage })}
            confirmLabel={t('xlsform.import')}
            confirmTestId="xlsform-import"
            icon={<IconUpload size={16} aria-hidden />}
            loading={upload.isPending}
            disabled={!file}
          />
        </Stack>
      )}
    </Modal>
  );
}
