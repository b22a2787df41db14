import { useEffect } from 'react';
import { Checkbox, Group, Modal, NumberInput, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SEXES, ZNormInput } from '@potreby/domain';
import type { TNormInput, TNormView } from '@potreby/server/norms/schema';
import { api } from '../api/client';
import { useIndicatorKeys } from '../app/catalogue';
import { useNames } from '../app/names';
import { useOfferedServiceTypes } from '../catalogue/offered-types';
import { numberOrNull, numberOrUndefined, orNull, serverFieldErrors, validateWith, type FieldFor } from '../app/validation';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { TerritoryPicker } from '../components/TerritoryPicker';

type Num = number | string;
type FormValues = {
  serviceType: string | null;
  territoryId: number | null;
  kind: 'population' | 'indicator';
  sex: string;
  ageFrom: Num;
  ageTo: Num;
  indicator: string | null;
  ratePer1000: Num;
  source: string;
  illustrative: boolean;
};

/** Issue paths of the norm body → the form's fields. */
const fieldFor: FieldFor = (path) => {
  if (path.startsWith('target.age.from')) return 'ageFrom';
  if (path.startsWith('target.age.to')) return 'ageTo';
  if (path.startsWith('target.sex')) return 'sex';
  if (path.startsWith('target.indicator')) return 'indicator';
  return path.split('.')[0]!;
};

function initialValues(norm: TNormView | null, territoryId: number | null): FormValues {
  const target = norm?.target;
  return {
    serviceType: norm?.serviceType ?? null,
    territoryId: norm?.territory.id ?? territoryId,
    kind: target?.kind ?? 'population',
    sex: target?.kind === 'population' ? target.sex : 'T',
    ageFrom: target?.kind === 'population' ? target.age.from : 0,
    ageTo: target?.kind === 'population' ? (target.age.to ?? '') : '',
    indicator: target?.kind === 'indicator' ? target.indicator : null,
    ratePer1000: norm?.ratePer1000 ?? '',
    source: norm?.source ?? '',
    illustrative: norm?.illustrative ?? false,
  };
}

function toInput(v: FormValues): Record<string, unknown> {
  return {
    serviceType: v.serviceType ?? '',
    territoryId: v.territoryId ?? undefined,
    target:
      v.kind === 'population'
        ? { kind: 'population', sex: v.sex, age: { from: numberOrUndefined(v.ageFrom), to: numberOrNull(v.ageTo) } }
        : { kind: 'indicator', indicator: v.indicator ?? '' },
    ratePer1000: numberOrUndefined(v.ratePer1000),
    source: orNull(v.source.trim()),
    illustrative: v.illustrative,
  };
}

export type NormFormProps = {
  opened: boolean;
  norm: TNormView | null;
  country: string;
  defaultTerritoryId: number | null;
  onClose: () => void;
};

/** Set a norm (create, or replace the one of the same service type and territory). */
export function NormForm({ opened, norm, country, defaultTerritoryId, onClose }: NormFormProps) {
  const { t } = useTranslation();
  const names = useNames();
  const queryClient = useQueryClient();
  // A retired type only for the norm that has it already: it may be changed, no new one is set.
  const { items: serviceTypes } = useOfferedServiceTypes(norm?.territory.country ?? country, norm?.serviceType ?? null);
  const { keys: indicatorKeys } = useIndicatorKeys();

  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initialValues(norm, defaultTerritoryId),
    validate: (values) => {
      const errors = validateWith(ZNormInput, toInput(values), t, fieldFor).errors ?? {};
      const from = numberOrUndefined(values.ageFrom);
      const to = numberOrNull(values.ageTo);
      if (values.kind === 'population' && from !== undefined && to !== null && to < from && !errors.ageTo) errors.ageTo = t('norms.ageToBeforeFrom');
      return errors;
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(initialValues(norm, defaultTerritoryId));
    form.clearErrors();
    save.reset();
  }, [opened, norm?.id]);

  const save = useMutation({
    mutationFn: (input: TNormInput) => api.put<TNormView>('/norms', input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['norms'] });
      await queryClient.invalidateQueries({ queryKey: ['gaps'] });
      notifications.show({ color: 'teal', message: t('norms.saved') });
      onClose();
    },
    onError: (error) => {
      const fields = serverFieldErrors(error, t, fieldFor);
      if (fields) form.setErrors(fields);
    },
  });

  const submit = form.onSubmit((values) => {
    const parsed: TNormInput = ZNormInput.parse(toInput(values));
    save.mutate(parsed);
  });
  const serverError = save.error && !serverFieldErrors(save.error, t, fieldFor) ? save.error : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t(norm ? 'norms.editTitle' : 'norms.addTitle')} size="lg">
      <form onSubmit={submit} noValidate data-testid="norm-form">
        <Stack gap="sm">
          <ErrorAlert error={serverError} />
          <Select
            label={t('norms.serviceType')}
            required
            searchable
            disabled={norm !== null}
            data={serviceTypes.map((s) => names.serviceTypeOption(s))}
            {...form.getInputProps('serviceType')}
            data-testid="norm-service-type"
          />
          <TerritoryPicker
            label={t('norms.setOn')}
            description={t('norms.setOnHint')}
            levels={['country', 'region']}
            required
            disabled={norm !== null}
            clearable={false}
            value={form.values.territoryId}
            onChange={(id) => form.setFieldValue('territoryId', id)}
            error={form.errors.territoryId}
            data-testid="norm-territory"
          />
          <Radio.Group label={t('norms.target')} required {...form.getInputProps('kind')}>
            <Group mt={4} gap="lg">
              <Radio value="population" label={t('norms.targetKindPopulation')} data-testid="norm-kind-population" />
              <Radio value="indicator" label={t('norms.targetKindIndicator')} data-testid="norm-kind-indicator" />
            </Group>
          </Radio.Group>
          {form.values.kind === 'population' ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t('norms.sex')}
                required
                allowDeselect={false}
                data={SEXES.map((s) => ({ value: s, label: t(`norms.sexPeople.${s}`) }))}
                {...form.getInputProps('sex')}
                data-testid="norm-sex"
              />
              <NumberInput label={t('norms.ageFrom')} required allowDecimal={false} {...form.getInputProps('ageFrom')} data-testid="norm-age-from" />
              <NumberInput
                label={t('norms.ageTo')}
                description={t('norms.ageToHint')}
                allowDecimal={false}
                {...form.getInputProps('ageTo')}
                data-testid="norm-age-to"
              />
            </SimpleGrid>
          ) : (
            <Select
              label={t('norms.indicator')}
              required
              searchable
              data={indicatorKeys.map((k) => ({ value: k, label: t(`indicators.${k}`, { defaultValue: k }) }))}
              {...form.getInputProps('indicator')}
              data-testid="norm-indicator"
            />
          )}
          <NumberInput
            label={t('norms.rate')}
            description={t('norms.rateHint')}
            required
            decimalScale={3}
            {...form.getInputProps('ratePer1000')}
            data-testid="norm-rate-input"
          />
          <TextInput label={t('norms.source')} description={t('norms.sourceHint')} {...form.getInputProps('source')} data-testid="norm-source" />
          <Checkbox
            label={t('norms.illustrative')}
            description={t('norms.illustrativeHint')}
            {...form.getInputProps('illustrative', { type: 'checkbox' })}
            data-testid="norm-illustrative"
          />
          <DialogActions onCancel={onClose} submit confirmTestId="norm-save" loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
