import { useEffect } from 'react';
import { Checkbox, Fieldset, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  NAME_LANGUAGES,
  namesOf,
  OFFICIAL_LANGUAGE,
  SERVICE_CATEGORIES,
  TARGET_GROUPS,
  ZCapacityUnit,
  ZServiceTypeChange,
  ZServiceTypeInput,
  type TCountry,
  type TServiceType,
} from '@potreby/domain';
import { api } from '../api/client';
import { useNames } from '../app/names';
import { serverFieldErrors, validateWith, type FieldFor } from '../app/validation';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';

type FormValues = {
  keyName: string;
  officialCode: string;
  names: Record<(typeof NAME_LANGUAGES)[number], string>;
  category: string | null;
  residential: boolean;
  unit: string | null;
  targetGroups: string[];
};

/** `names.bg` stays a field of its own; everything else is its first segment. */
const fieldFor: FieldFor = (path) => (path.startsWith('names.') ? path.split('.').slice(0, 2).join('.') : path.split('.')[0]!);

function initialValues(type: TServiceType | null, shownName: (type: TServiceType, language: string) => string): FormValues {
  const given = type ? namesOf(type) : {};
  const names = Object.fromEntries(NAME_LANGUAGES.map((l) => [l, given[l] ?? (type ? shownName(type, l) : '')])) as FormValues['names'];
  return {
    keyName: type ? type.key.slice(3) : '',
    officialCode: type?.officialCode ?? '',
    names,
    category: type?.category ?? null,
    residential: type?.residential ?? false,
    unit: type?.unit ?? null,
    targetGroups: type?.targetGroups ?? [],
  };
}

const toBody = (v: FormValues, country: TCountry, isNew: boolean): Record<string, unknown> => ({
  ...(isNew ? { key: `${country.toLowerCase()}.${v.keyName.trim()}`, country } : {}),
  officialCode: v.officialCode.trim() || null,
  names: Object.fromEntries(NAME_LANGUAGES.filter((l) => v.names[l].trim()).map((l) => [l, v.names[l].trim()])),
  category: v.category ?? '',
  residential: v.residential,
  unit: v.unit ?? '',
  targetGroups: v.targetGroups,
});

/**
 * Add a type to a country's classification, or change one: its names in every language (the
 * official one and English required), official code, group, unit and target groups. The key is
 * set once: files and exports refer to it.
 */
export function ServiceTypeForm({ opened, type, country, onClose }: { opened: boolean; type: TServiceType | null; country: TCountry; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const queryClient = useQueryClient();
  const isNew = type === null;
  // What readers of a language see today: the translation files' name when none was given.
  const shownName = (s: TServiceType, language: string) => (language === 'en' ? s.nameEn : (s.translations?.[language] ?? i18n.getFixedT(language)(`serviceTypes.${s.key}`, { defaultValue: '' })));

  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initialValues(type, shownName),
    validate: (values) => validateWith(isNew ? ZServiceTypeInput : ZServiceTypeChange, toBody(values, country, isNew), t, fieldFor).errors ?? {},
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(initialValues(type, shownName));
    form.clearErrors();
    save.reset();
  }, [opened, type?.key]);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => (isNew ? api.post<TServiceType>('/service-types', body) : api.put<TServiceType>(`/service-types/${type!.key}`, body)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['service-types'] });
      notifications.show({ color: 'teal', message: t('catalogueAdmin.saved') });
      onClose();
    },
    onError: (error) => {
      const fields = serverFieldErrors(error, t, fieldFor);
      if (fields) form.setErrors(fields);
    },
  });

  const official = OFFICIAL_LANGUAGE[country];
  const prefix = `${country.toLowerCase()}.`;
  return (
    <Modal opened={opened} onClose={onClose} title={t(isNew ? 'catalogueAdmin.addTitle' : 'catalogueAdmin.editTitle')} size="lg">
      <form onSubmit={form.onSubmit((values) => save.mutate(toBody(values, country, isNew)))} noValidate data-testid="service-type-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('catalogueAdmin.key')}
              description={t('catalogueAdmin.keyHint', { prefix })}
              leftSection={<span translate="no">{prefix}</span>}
              leftSectionWidth={36}
              disabled={!isNew}
              required={isNew}
              translate="no"
              {...form.getInputProps('keyName')}
              error={form.errors.keyName ?? form.errors.key}
              data-testid="service-type-key"
            />
            <TextInput label={t('catalogueAdmin.officialCode')} description={t('catalogueAdmin.officialCodeHint')} {...form.getInputProps('officialCode')} data-testid="service-type-code" />
          </SimpleGrid>
          <Fieldset legend={t('catalogueAdmin.names')} variant="unstyled">
            <Stack gap="xs">
              {[official, 'en' as const, ...NAME_LANGUAGES.filter((l) => l !== official && l !== 'en')].map((language) => (
                <TextInput
                  key={language}
                  label={names.languageName(language)}
                  description={t(language === official ? 'catalogueAdmin.officialName' : language === 'en' ? 'catalogueAdmin.englishName' : 'catalogueAdmin.otherName')}
                  required={language === official || language === 'en'}
                  lang={language}
                  {...form.getInputProps(`names.${language}`)}
                  data-testid={`service-type-name-${language}`}
                />
              ))}
            </Stack>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('catalogueAdmin.category')}
              required
              searchable
              data={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`serviceCategories.${c}`) }))}
              {...form.getInputProps('category')}
              data-testid="service-type-category"
            />
            <Select
              label={t('catalogueAdmin.unit')}
              required
              searchable
              data={ZCapacityUnit.options.map((u) => ({ value: u, label: t(`capacityUnits.${u}`) }))}
              {...form.getInputProps('unit')}
              data-testid="service-type-unit"
            />
          </SimpleGrid>
          <MultiSelect
            label={t('catalogueAdmin.targetGroups')}
            required
            searchable
            data={TARGET_GROUPS.map((g) => ({ value: g, label: t(`targetGroups.${g}`) }))}
            {...form.getInputProps('targetGroups')}
            data-testid="service-type-groups"
          />
          <Checkbox label={t('catalogueAdmin.residential')} {...form.getInputProps('residential', { type: 'checkbox' })} data-testid="service-type-residential" />
          <ErrorAlert error={save.error && !serverFieldErrors(save.error, t, fieldFor) ? save.error : null} />
          <DialogActions onCancel={onClose} confirmLabel={t('common.save')} confirmTestId="save-service-type" loading={save.isPending} submit />
        </Stack>
      </form>
    </Modal>
  );
}
