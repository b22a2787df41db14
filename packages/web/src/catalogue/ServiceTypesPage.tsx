import { useState } from 'react';
import { Badge, Button, Code, FileInput, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconFileUpload, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, SERVICE_TYPE_COLUMNS, type TCountry, type TServiceType } from '@potreby/domain';
import type { TImportResult } from '@potreby/server/imports/schema';
import { api, ApiError } from '../api/client';
import { useServiceTypes } from '../app/catalogue';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import { PageTitle } from '../components/PageTitle';
import { RowAction } from '../components/RowAction';
import { ImportReport } from '../imports/ImportReport';
import { ServiceTypeForm } from './ServiceTypeForm';

/**
 * Each country's classification of social services. Everyone may read it; national
 * administrators add types, rename them, retire them (with a confirmation: what has the type
 * keeps it) and import a file of types, all or nothing, with the row-by-row report.
 */
export function ServiceTypesPage() {
  const { t } = useTranslation();
  const names = useNames();
  const { user, permissions } = useSession();
  const queryClient = useQueryClient();
  const [country, setCountry] = useState<TCountry>(((user?.territory as { country?: TCountry } | null)?.country ?? 'BG') as TCountry);
  const types = useServiceTypes(country);
  const [editing, setEditing] = useState<{ type: TServiceType | null } | null>(null);
  const [retiring, setRetiring] = useState<TServiceType | null>(null);
  const [file, setFile] = useState<File | null>(null);
  // Changing the catalogue is for national administrators (the server decides; this only hides buttons).
  const canEdit = permissions?.editCatalogue ?? false;
  // An administrator's name in the reader's language comes first, then the translation files' (names.ts).
  const nameOf = (s: TServiceType) => names.serviceType(s);

  const setRetired = useMutation({
    mutationFn: ({ type, retired }: { type: TServiceType; retired: boolean }) => api.post<TServiceType>(`/service-types/${type.key}/${retired ? 'retire' : 'unretire'}`),
    onSuccess: async (_done, { retired }) => {
      await queryClient.invalidateQueries({ queryKey: ['service-types'] });
      notifications.show({ color: 'teal', message: t(retired ? 'catalogueAdmin.retiredDone' : 'catalogueAdmin.unretiredDone') });
      setRetired.reset();
      setRetiring(null);
    },
  });

  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('country', country);
      form.append('file', f, f.name);
      return api.post<TImportResult>('/imports/service-types', form);
    },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['service-types'] });
      notifications.show({ color: 'teal', message: t('catalogueAdmin.imported', { count: result.rows }) });
      setFile(null);
    },
  });
  const rejected = upload.error instanceof ApiError && upload.error.code === 'import.rejected' ? upload.error.problem : null;

  return (
    <>
      <PageTitle title={t('catalogueAdmin.title')}>
        {canEdit ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ type: null })} data-testid="add-service-type">
            {t('catalogueAdmin.add')}
          </Button>
        ) : null}
      </PageTitle>
      <Text mb="md" maw={820}>
        {t('catalogueAdmin.intro')}
      </Text>
      <Paper withBorder p="sm" mb="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="service-types-country">
            {t('catalogueAdmin.country')}
          </Text>
          <SegmentedControl
            aria-labelledby="service-types-country"
            value={country}
            onChange={(v) => {
              setCountry(v as TCountry);
              upload.reset();
            }}
            data={COUNTRIES.map((c) => ({ value: c, label: names.country(c) }))}
            data-testid="service-types-country"
            style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
          />
        </Stack>
      </Paper>

      <ListTable
        query={types}
        count={types.items.length}
        empty={t('catalogueAdmin.empty')}
        minWidth={640}
        testId="service-types-table"
        mb="md"
        columns={[
          { key: 'name', label: t('catalogueAdmin.name') },
          { key: 'code', label: t('catalogueAdmin.code') },
          { key: 'category', label: t('catalogueAdmin.category') },
          { key: 'unit', label: t('catalogueAdmin.unit') },
          { key: 'status', label: t('catalogueAdmin.status') },
          ...(canEdit ? [{ key: 'actions', label: t('common.actions'), hidden: true }] : []),
        ]}
      >
        {types.items.map((s) => (
          <Table.Tr key={s.key} data-testid="service-type-row" data-key={s.key} data-retired={s.retiredAt ? 'yes' : 'no'}>
            <Table.Td>
              <Text size="sm" fw={600} c={s.retiredAt ? 'gray.7' : undefined} data-testid="service-type-name">
                {nameOf(s)}
              </Text>
            </Table.Td>
            <Table.Td translate="no">{s.officialCode ?? '—'}</Table.Td>
            <Table.Td>{t(`serviceCategories.${s.category}`, { defaultValue: s.category })}</Table.Td>
            <Table.Td>{t(`capacityUnits.${s.unit}`)}</Table.Td>
            <Table.Td>
              {s.retiredAt ? (
                <Badge size="sm" variant="outline" color="gray.8" data-testid="service-type-retired">
                  {t('catalogueAdmin.retired')}
                </Badge>
              ) : (
                <Text size="sm">{t('catalogueAdmin.offered')}</Text>
              )}
            </Table.Td>
            {canEdit ? (
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <RowAction tooltip={t('common.edit')} label={t('catalogueAdmin.editNamed', { name: nameOf(s) })} icon={IconPencil} onClick={() => setEditing({ type: s })} testId="edit-service-type" />
                  {s.retiredAt ? (
                    <RowAction
                      tooltip={t('catalogueAdmin.unretire')}
                      label={t('catalogueAdmin.unretireNamed', { name: nameOf(s) })}
                      icon={IconArchiveOff}
                      onClick={() => setRetired.mutate({ type: s, retired: false })}
                      testId="unretire-service-type"
                    />
                  ) : (
                    <RowAction tooltip={t('catalogueAdmin.retire')} label={t('catalogueAdmin.retireNamed', { name: nameOf(s) })} icon={IconArchive} onClick={() => setRetiring(s)} testId="retire-service-type" danger />
                  )}
                </Group>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </ListTable>

      {canEdit ? (
        <Paper withBorder p="sm" component="section" aria-labelledby="service-types-import">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (file) upload.mutate(file);
            }}
          >
            <Stack>
              <Title order={2} size="h4" id="service-types-import">
                {t('catalogueAdmin.importTitle')}
              </Title>
              <Text size="sm" maw={820}>
                {t('catalogueAdmin.importHelp')}
              </Text>
              <Text size="sm" component="div">
                {t('catalogueAdmin.importColumns')}:{' '}
                <Group component="span" gap={6} display="inline-flex" style={{ flexWrap: 'wrap' }}>
                  {SERVICE_TYPE_COLUMNS.map((c) => (
                    <Code key={c}>{c}</Code>
                  ))}
                </Group>
              </Text>
              <FileInput
                label={t('catalogueAdmin.importFile')}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={(f) => {
                  setFile(f);
                  upload.reset();
                }}
                clearable
                clearButtonProps={{ 'aria-label': t('imports.form.clearFile') }}
                leftSection={<IconFileUpload size={16} aria-hidden />}
                maw={480}
                data-testid="service-types-file"
              />
              <Group>
                <Button type="submit" loading={upload.isPending} disabled={!file} data-testid="service-types-import">
                  {t('catalogueAdmin.importButton')}
                </Button>
              </Group>
              {rejected ? <ImportReport problem={rejected} fileName={file?.name ?? null} /> : <ErrorAlert error={upload.error} />}
            </Stack>
          </form>
        </Paper>
      ) : null}

      {canEdit ? <ServiceTypeForm opened={editing !== null} type={editing?.type ?? null} country={country} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        opened={retiring !== null}
        onClose={() => {
          setRetired.reset();
          setRetiring(null);
        }}
        title={t('catalogueAdmin.retireTitle')}
        question={retiring ? t('catalogueAdmin.retireConfirm', { name: nameOf(retiring) }) : null}
        error={setRetired.error}
        onConfirm={() => retiring && setRetired.mutate({ type: retiring, retired: true })}
        confirmLabel={t('catalogueAdmin.retire')}
        confirmTestId="confirm-retire-service-type"
        loading={setRetired.isPending}
        danger
      />
    </>
  );
}
