import { useEffect } from 'react';
import { Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { GAP_METHODS } from '@potreby/domain';
import type { TRoundView } from '@potreby/server/planning/schema';
import type { TTerritoryDetail } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { numberOrUndefined, serverFieldErrors } from '../app/validation';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { roundKeys } from './round-queries';

type FormValues = { territoryId: number | null; templateKey: string | null; periodStart: number | string; periodEnd: number | string; start: string; method: string };

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A round plans the years after it, so the period starts next year; seven years is a default the
 * officer changes to the period their strategy covers (no law sets one length for all three countries).
 */
function initialValues(territoryId: number | null): FormValues {
  const next = new Date().getFullYear() + 1;
  return { territoryId, templateKey: null, periodStart: next, periodEnd: next + 6, start: today(), method: 'normative' };
}

/** Open a planning round for a region or a municipality from its country's template of stages. */
export function RoundForm({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const own = user?.territory && (user.territory.level === 'region' || user.territory.level === 'municipality') ? user.territory.id : null;
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initialValues(own),
    validate: {
      territoryId: (v) => (v === null ? t('common.fieldErrors.required') : null),
      templateKey: (v) => (v === null ? t('common.fieldErrors.required') : null),
      periodEnd: (v, values) => (Number(v) < Number(values.periodStart) ? t('rounds.periodEndBeforeStart') : null),
    },
  });

  const territory = useQuery({
    queryKey: ['territory', form.values.territoryId],
    queryFn: () => api.get<TTerritoryDetail>(`/territories/${form.values.territoryId}`),
    enabled: form.values.territoryId !== null,
  });
  const country = territory.data?.territory.country ?? null;
  const templates = useQuery({
    queryKey: ['planning-templates', country],
    queryFn: () => api.get<{ items: { key: string; country: string }[] }>('/planning/templates', { country }),
    enabled: country !== null,
  });
  // The country has one template in law: choose it, so nobody has to.
  useEffect(() => {
    const items = templates.data?.items ?? [];
    if (items.length > 0 && !items.some((i) => i.key === form.values.templateKey)) form.setFieldValue('templateKey', items[0]!.key);
  }, [templates.data, form.values.templateKey]);

  useEffect(() => {
    if (!opened) return;
    form.setValues(initialValues(own));
    form.clearErrors();
    save.reset();
  }, [opened]);

  const save = useMutation({
    mutationFn: (v: FormValues) =>
      api.post<TRoundView>('/planning/rounds', {
        territoryId: v.territoryId,
        templateKey: v.templateKey,
        periodStart: numberOrUndefined(v.periodStart),
        periodEnd: numberOrUndefined(v.periodEnd),
        start: v.start || undefined,
        method: v.method,
      }),
    onSuccess: async (round) => {
      await queryClient.invalidateQueries({ queryKey: roundKeys.all });
      notifications.show({ color: 'teal', message: t('rounds.opened') });
      onClose();
      void navigate(`/planning/${round.id}`);
    },
    onError: (error) => {
      const fields = serverFieldErrors(error, t);
      if (fields) form.setErrors(fields);
    },
  });
  const serverError = save.error && !serverFieldErrors(save.error, t) ? save.error : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t('rounds.openTitle')} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="round-form">
        <Stack gap="sm">
          <ErrorAlert error={serverError} />
          <TerritoryPicker
            label={t('rounds.territory')}
            description={t('rounds.territoryHint')}
            levels={['region', 'municipality']}
            required
            clearable={false}
            value={form.values.territoryId}
            onChange={(id) => form.setFieldValue('territoryId', id)}
            error={form.errors.territoryId}
            data-testid="round-territory"
          />
          <Select
            label={t('rounds.template')}
            required
            allowDeselect={false}
            disabled={country === null}
            data={(templates.data?.items ?? []).map((i) => ({ value: i.key, label: t(`planningTemplates.templates.${i.key}.name`, { defaultValue: i.key }) }))}
            {...form.getInputProps('templateKey')}
            data-testid="round-template"
          />
          {form.values.templateKey ? (
            <Text size="sm" c="gray.7">
              {t(`planningTemplates.templates.${form.values.templateKey}.description`, { defaultValue: '' })}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput label={t('rounds.periodStart')} required allowDecimal={false} min={2000} max={2100} {...form.getInputProps('periodStart')} data-testid="round-period-start" />
            <NumberInput label={t('rounds.periodEnd')} required allowDecimal={false} min={2000} max={2100} {...form.getInputProps('periodEnd')} data-testid="round-period-end" />
          </SimpleGrid>
          <TextInput label={t('rounds.start')} description={t('rounds.startHint')} type="date" {...form.getInputProps('start')} data-testid="round-start" />
          <Select
            label={t('rounds.method')}
            description={t('rounds.methodHint')}
            allowDeselect={false}
            data={GAP_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
            {...form.getInputProps('method')}
            data-testid="round-method"
          />
          <DialogActions onCancel={onClose} submit confirmLabel={t('rounds.openSubmit')} confirmTestId="round-save" loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
