import { useEffect } from 'react';
import { ActionIcon, Button, Fieldset, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FUNDING_SOURCES, PROPOSAL_ACTIONS, type TProposalAction } from '@potreby/domain/planning/proposal';
import { servedPlaces, servedProblems } from '@potreby/domain/planning/served';
import type { TItemView } from '@potreby/server/planning/schema';
import { api } from '../api/client';
import { useNames } from '../app/names';
import { numberOrNull, numberOrUndefined, serverFieldErrors } from '../app/validation';
import { useSession } from '../app/session';
import { useOfferedServiceTypes } from '../catalogue/offered-types';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { useRoundCurrency } from './currency';
import type { RoundTabProps } from './round-parts';
import { roundKeys } from './round-queries';

type Num = number | string;
/** A municipality of the round the item also serves, and the places (of the item's capacity change) for its residents. */
type Served = { municipalityId: string | null; capacity: Num };
type FormValues = { municipalityId: string | null; action: TProposalAction; serviceType: string | null; amount: Num; startYear: Num; fundingSource: string; annualCost: Num; explanation: string; served: Served[] };

/** Reducing and closing take capacity away: the user gives how much, the action gives the sign. */
const REMOVES: ReadonlySet<TProposalAction> = new Set(['reduce', 'close']);
const signed = (action: TProposalAction, amount: number) => (REMOVES.has(action) ? -Math.abs(amount) : action === 'transform' ? amount : Math.abs(amount));

function initialValues(item: TItemView | null, municipalityId: number | null, startYear: number): FormValues {
  return {
    municipalityId: item ? String(item.municipalityId) : municipalityId === null ? null : String(municipalityId),
    action: item?.action ?? 'expand',
    serviceType: item?.serviceType ?? null,
    amount: item ? (REMOVES.has(item.action) ? Math.abs(item.capacityChange) : item.capacityChange) : '',
    startYear: item?.startYear ?? startYear,
    fundingSource: item?.fundingSource ?? 'state_delegated',
    annualCost: item?.annualCost ?? '',
    explanation: item?.explanation ?? '',
    served: (item?.served ?? []).map((s) => ({ municipalityId: String(s.municipalityId), capacity: s.capacity })),
  };
}

type Props = RoundTabProps & { opened: boolean; item: TItemView | null; municipalityId: number | null; onClose: () => void };

/** Add or change one item of a municipality's proposal: what it does to which service, how much, when, and at what cost. */
export function ItemForm({ round, municipalities, opened, item, municipalityId, onClose }: Props) {
  const { t } = useTranslation();
  const names = useNames();
  const currency = useRoundCurrency(round);
  const queryClient = useQueryClient();
  const { user } = useSession();
  // A municipality's officer proposes for their own municipality; the round's others are there
  // to be served. The server decides (planning/access.ts).
  const proposers = user?.role === 'municipal_officer' ? municipalities.filter((m) => m.id === user.territory?.id) : municipalities;
  const startingMunicipality = proposers.some((m) => m.id === municipalityId) ? municipalityId : proposers.length === 1 ? proposers[0]!.id : null;
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initialValues(item, startingMunicipality, round.periodStart),
    validate: {
      municipalityId: (v) => (v === null ? t('common.fieldErrors.required') : null),
      serviceType: (v) => (v === null ? t('common.fieldErrors.required') : null),
      amount: (v) => (numberOrUndefined(v) === undefined ? t('common.fieldErrors.required') : null),
      startYear: (v) => {
        const year = numberOrUndefined(v);
        return year === undefined ? t('common.fieldErrors.required') : year < round.periodStart || year > round.periodEnd ? t('proposals.startYearOutside', { from: round.periodStart, to: round.periodEnd }) : null;
      },
      // The server's rule (domain planning/served.ts): other municipalities of the round, each
      // once, their places part of the item's capacity change, never more.
      served: (list, values) => {
        const served = list.filter((s) => s.municipalityId !== null).map((s) => ({ municipalityId: Number(s.municipalityId), capacity: numberOrUndefined(s.capacity) ?? 0 }));
        const capacity = Math.abs(numberOrUndefined(values.amount) ?? 0);
        const [problem] = servedProblems({ municipalityId: Number(values.municipalityId), capacityChange: capacity, served }, new Set(municipalities.map((m) => m.id)));
        if (!problem) return null;
        return problem.code === 'served_over_capacity' ? t('servedMunicipalities.tooMany', { served: servedPlaces(served), capacity }) : t(`common.fieldErrors.${problem.code}`);
      },
    },
  });
  const { items: serviceTypes } = useOfferedServiceTypes(round.territory.country, item?.serviceType ?? null);
  const unit = serviceTypes.find((s) => s.key === form.values.serviceType)?.unit ?? null;

  useEffect(() => {
    if (!opened) return;
    form.setValues(initialValues(item, startingMunicipality, round.periodStart));
    form.clearErrors();
    save.reset();
  }, [opened, item?.id]);

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body = {
        municipalityId: Number(v.municipalityId),
        action: v.action,
        serviceType: v.serviceType,
        capacityChange: signed(v.action, numberOrUndefined(v.amount) ?? 0),
        startYear: numberOrUndefined(v.startYear),
        fundingSource: v.fundingSource,
        annualCost: numberOrNull(v.annualCost),
        explanation: v.explanation.trim(),
        siteId: item?.siteId ?? null,
        settlementId: item?.settlementId ?? null,
        served: v.served.filter((s) => s.municipalityId !== null).map((s) => ({ municipalityId: Number(s.municipalityId), capacity: numberOrUndefined(s.capacity) ?? 0 })),
      };
      return item ? api.put<TItemView>(`/planning/items/${item.id}`, body) : api.post<TItemView>(`/planning/rounds/${round.id}/items`, body);
    },
    onSuccess: async () => {
      // Checks and budget follow the items at once: the plan's health is recomputed on the server.
      await queryClient.invalidateQueries({ queryKey: roundKeys.round(round.id) });
      notifications.show({ color: 'teal', message: t('proposals.saved') });
      onClose();
    },
    onError: (error) => {
      const fields = serverFieldErrors(error, t, (path) => (path.startsWith('capacityChange') ? 'amount' : path.split('.')[0]!));
      if (fields) form.setErrors(fields);
    },
  });
  const serverError = save.error && !serverFieldErrors(save.error, t) ? save.error : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t(item ? 'proposals.editTitle' : 'proposals.addTitle')} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="item-form">
        <Stack gap="sm">
          <ErrorAlert error={serverError} />
          <Select
            label={t('proposals.municipality')}
            required
            searchable
            allowDeselect={false}
            disabled={item !== null || proposers.length === 1}
            data={(item === null ? proposers : municipalities).map((m) => ({ value: String(m.id), label: names.territory(m) }))}
            {...form.getInputProps('municipalityId')}
            data-testid="item-municipality"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('proposals.action')}
              required
              allowDeselect={false}
              data={PROPOSAL_ACTIONS.map((a) => ({ value: a, label: t(`proposalActions.${a}`) }))}
              {...form.getInputProps('action')}
              data-testid="item-action"
            />
            <Select
              label={t('proposals.serviceType')}
              required
              searchable
              data={serviceTypes.map((s) => names.serviceTypeOption(s))}
              {...form.getInputProps('serviceType')}
              data-testid="item-service-type"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label={unit ? t(`proposals.amountIn.${unit}`) : t('proposals.amount')}
              description={t(form.values.action === 'transform' ? 'proposals.amountTransformHint' : REMOVES.has(form.values.action) ? 'proposals.amountRemoveHint' : 'proposals.amountAddHint')}
              required
              allowDecimal={false}
              allowNegative={form.values.action === 'transform'}
              {...form.getInputProps('amount')}
              data-testid="item-amount"
            />
            <NumberInput label={t('proposals.startYear')} required allowDecimal={false} min={round.periodStart} max={round.periodEnd} {...form.getInputProps('startYear')} data-testid="item-start-year" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('proposals.fundingSource')}
              required
              allowDeselect={false}
              data={FUNDING_SOURCES.map((f) => ({ value: f, label: t(`fundingSources.${f}`) }))}
              {...form.getInputProps('fundingSource')}
              data-testid="item-funding"
            />
            <NumberInput label={t('proposals.annualCost', { currency })} description={t('proposals.annualCostHint')} min={0} thousandSeparator=" " {...form.getInputProps('annualCost')} data-testid="item-cost" />
          </SimpleGrid>
          {municipalities.length > 1 ? <ServedFields form={form} municipalities={municipalities} /> : null}
          <Textarea label={t('proposals.explanation')} description={t('proposals.explanationHint')} autosize minRows={2} maxLength={4000} {...form.getInputProps('explanation')} data-testid="item-explanation" />
          <DialogActions onCancel={onClose} submit confirmTestId="item-save" loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The other municipalities of the round the item serves ("territories served", issue 8 item 11):
 * each once, never the item's own, with its places; the consolidation and the mayors' agreement
 * are drawn from these.
 */
function ServedFields({ form, municipalities }: { form: UseFormReturnType<FormValues>; municipalities: RoundTabProps['municipalities'] }) {
  const { t } = useTranslation();
  const names = useNames();
  const served = form.values.served;
  const chosen = new Set(served.map((s) => s.municipalityId));
  const options = (own: string | null) =>
    municipalities.filter((m) => String(m.id) !== form.values.municipalityId && (String(m.id) === own || !chosen.has(String(m.id)))).map((m) => ({ value: String(m.id), label: names.territory(m) }));
  const error = form.errors.served;
  return (
    <Fieldset legend={t('servedMunicipalities.title')} data-testid="item-served">
      <Stack gap="xs">
        <Text size="sm">{t('servedMunicipalities.help')}</Text>
        {served.map((s, i) => {
          const name = names.territory(municipalities.find((m) => String(m.id) === s.municipalityId));
          return (
            <Group key={i} align="flex-end" wrap="nowrap" gap="xs">
              <Select
                label={t('servedMunicipalities.municipality')}
                searchable
                allowDeselect={false}
                data={options(s.municipalityId)}
                style={{ flex: 1, minWidth: 0 }}
                {...form.getInputProps(`served.${i}.municipalityId`)}
                data-testid="served-municipality"
              />
              <NumberInput label={t('servedMunicipalities.places')} min={0} allowDecimal={false} allowNegative={false} w={96} {...form.getInputProps(`served.${i}.capacity`)} data-testid="served-places" />
              <ActionIcon variant="subtle" color="red.8" size="lg" mb={2} aria-label={t('servedMunicipalities.remove', { name })} onClick={() => form.removeListItem('served', i)}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        {error ? (
          <Text size="sm" c="red.8" role="alert" data-testid="served-error">
            {error}
          </Text>
        ) : null}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={options(null).length === 0}
            onClick={() => form.insertListItem('served', { municipalityId: options(null)[0]?.value ?? null, capacity: '' })}
            data-testid="add-served"
          >
            {t('servedMunicipalities.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
