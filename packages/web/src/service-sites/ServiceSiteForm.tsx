import { useEffect, useMemo, useState } from 'react';
import { Checkbox, Drawer, Fieldset, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FUNDING_SOURCES, PROVIDER_KINDS, ZServiceSiteInput, type TServiceSiteInput } from '@potreby/domain';
import type { TServiceSiteView } from '@potreby/server/service-sites/schema';
import type { TTerritoryDetail, TTerritoryList } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useNames } from '../app/names';
import { useOfferedServiceTypes } from '../catalogue/offered-types';
import { numberOrNull, numberOrUndefined, orNull, serverFieldErrors, validateWith } from '../app/validation';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { TerritoryPicker } from '../components/TerritoryPicker';

type Num = number | string;
type FormValues = {
  siteKey: string;
  year: Num;
  name: string;
  serviceType: string | null;
  provider: string;
  providerKind: string | null;
  settlementId: number | null;
  address: string;
  servesIds: string[];
  capacity: Num;
  users: Num;
  waitingList: Num;
  staffPositions: Num;
  staffVacancies: Num;
  funding: string | null;
  mobile: boolean;
  accessible: 'yes' | 'no' | 'unknown';
  opened: string;
};

const newSiteKey = () => `S-${Date.now().toString(36).toUpperCase()}`;

function initialValues(site: TServiceSiteView | null, year: number): FormValues {
  if (!site) {
    return {
      siteKey: newSiteKey(),
      year,
      name: '',
      serviceType: null,
      provider: '',
      providerKind: 'public',
      settlementId: null,
      address: '',
      servesIds: [],
      capacity: '',
      users: '',
      waitingList: '',
      staffPositions: '',
      staffVacancies: '',
      funding: null,
      mobile: false,
      accessible: 'unknown',
      opened: '',
    };
  }
  return {
    siteKey: site.siteKey,
    year: site.year,
    name: site.name,
    serviceType: site.serviceType,
    provider: site.provider,
    providerKind: site.providerKind,
    settlementId: site.settlementId,
    address: site.address ?? '',
    servesIds: site.servesIds.map(String),
    capacity: site.capacity,
    users: site.users ?? '',
    waitingList: site.waitingList ?? '',
    staffPositions: site.staffPositions ?? '',
    staffVacancies: site.staffVacancies ?? '',
    funding: site.funding,
    mobile: site.mobile,
    accessible: site.accessible === null ? 'unknown' : site.accessible ? 'yes' : 'no',
    opened: site.opened ?? '',
  };
}

/** The request body the form's values stand for (validated with the same schema as the API). */
function toInput(v: FormValues): Record<string, unknown> {
  return {
    siteKey: v.siteKey,
    year: numberOrUndefined(v.year),
    name: v.name,
    serviceType: v.serviceType ?? '',
    provider: v.provider,
    providerKind: v.providerKind ?? undefined,
    settlementId: v.settlementId ?? undefined,
    address: orNull(v.address.trim()),
    servesIds: v.servesIds.map(Number),
    capacity: numberOrUndefined(v.capacity),
    users: numberOrNull(v.users),
    waitingList: numberOrNull(v.waitingList),
    staffPositions: numberOrNull(v.staffPositions),
    staffVacancies: numberOrNull(v.staffVacancies),
    funding: v.funding,
    mobile: v.mobile,
    accessible: v.accessible === 'unknown' ? null : v.accessible === 'yes',
    opened: orNull(v.opened),
  };
}

export type ServiceSiteFormProps = {
  opened: boolean;
  /** The site to edit or view; null adds a new one. */
  site: TServiceSiteView | null;
  readOnly: boolean;
  defaults: { year: number; country: string | null };
  onClose: () => void;
};

/** Add, edit or view a service site in a drawer; checked as the user submits, and again by the server. */
export function ServiceSiteForm({ opened, site, readOnly, defaults, onClose }: ServiceSiteFormProps) {
  const { t } = useTranslation();
  const names = useNames();
  const queryClient = useQueryClient();
  const [country, setCountry] = useState<string | null>(site?.country ?? defaults.country);

  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initialValues(site, defaults.year),
    validate: (values) => validateWith(ZServiceSiteInput, toInput(values), t).errors ?? {},
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(initialValues(site, defaults.year));
    form.resetDirty();
    form.clearErrors();
    setCountry(site?.country ?? defaults.country);
    save.reset();
  }, [opened, site?.id]);

  // A retired type only for a site that has it already: it keeps it, no other site gets it.
  const { items: allTypes } = useOfferedServiceTypes(null, site?.serviceType ?? null);
  const typeOptions = useMemo(() => {
    const option = (s: (typeof allTypes)[number]) => names.serviceTypeOption(s);
    if (country) return allTypes.filter((s) => s.country === country).map(option);
    const countries = [...new Set(allTypes.map((s) => s.country))];
    return countries.map((c) => ({ group: names.country(c), items: allTypes.filter((s) => s.country === c).map(option) }));
  }, [allTypes, country, names.language]);

  // Territories a site can serve: the municipalities of its settlement's region.
  const settlementId = form.values.settlementId;
  const settlement = useQuery({
    queryKey: ['territory', settlementId],
    queryFn: () => api.get<TTerritoryDetail>(`/territories/${settlementId}`),
    enabled: opened && settlementId !== null,
  });
  const region = settlement.data?.ancestors.find((a) => a.level === 'region') ?? null;
  const regionParts = useQuery({
    queryKey: ['territory-children', region?.id ?? null],
    queryFn: () => api.get<TTerritoryList>('/territories', { parentId: region!.id, limit: 1000 }),
    enabled: opened && region !== null,
  });
  const servesOptions = useMemo(() => {
    const options = new Map<string, string>();
    for (const s of site?.serves ?? []) options.set(String(s.id), names.territory(s));
    for (const n of regionParts.data?.items ?? []) options.set(String(n.id), names.territory(n));
    return [...options].map(([value, label]) => ({ value, label }));
  }, [site, regionParts.data, names.language]);

  const save = useMutation({
    mutationFn: (input: TServiceSiteInput) =>
      site ? api.put<TServiceSiteView>(`/service-sites/${site.id}`, input) : api.post<TServiceSiteView>('/service-sites', input),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['service-sites'] });
      await queryClient.invalidateQueries({ queryKey: ['gaps'] });
      notifications.show({ color: 'teal', message: t(site ? 'registry.updated' : 'registry.created', { name: saved.name }) });
      onClose();
    },
    onError: (error) => {
      const fields = serverFieldErrors(error, t);
      if (fields) form.setErrors(fields);
    },
  });

  const submit = form.onSubmit((values) => {
    const parsed = ZServiceSiteInput.parse(toInput(values));
    save.mutate(parsed);
  });

  const title = readOnly ? t('registry.viewTitle') : site ? t('registry.editTitle') : t('registry.addTitle');
  const serverError = save.error && !serverFieldErrors(save.error, t) ? save.error : null;

  return (
    <Drawer opened={opened} onClose={onClose} title={title} position="right" size="xl">
      <form onSubmit={submit} noValidate data-testid="site-form">
        <Stack gap="md">
          <ErrorAlert error={serverError} />
          <Fieldset legend={t('registry.sectionService')} disabled={readOnly}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t('registry.name')} required {...form.getInputProps('name')} data-testid="site-name-input" />
              <Select
                label={t('registry.serviceType')}
                required
                searchable
                data={typeOptions}
                {...form.getInputProps('serviceType')}
                data-testid="site-service-type"
              />
              <TextInput label={t('registry.provider')} required {...form.getInputProps('provider')} data-testid="site-provider" />
              <Select
                label={t('registry.providerKind')}
                required
                allowDeselect={false}
                data={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`providerKinds.${k}`) }))}
                {...form.getInputProps('providerKind')}
                data-testid="site-provider-kind"
              />
              <TextInput
                label={t('registry.siteKey')}
                description={t('registry.siteKeyHint')}
                required
                {...form.getInputProps('siteKey')}
                data-testid="site-key"
              />
              <NumberInput label={t('common.year')} required allowDecimal={false} thousandSeparator="" {...form.getInputProps('year')} data-testid="site-year" />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('registry.sectionPlace')} disabled={readOnly}>
            <Stack gap="sm">
              <TerritoryPicker
                label={t('registry.settlement')}
                description={t('registry.settlementHint')}
                levels={['settlement', 'municipality']}
                required
                value={form.values.settlementId}
                onChange={(id, territory) => {
                  form.setFieldValue('settlementId', id);
                  if (territory) setCountry(territory.country);
                }}
                error={form.errors.settlementId}
                disabled={readOnly}
                data-testid="site-settlement"
              />
              <TextInput label={t('registry.address')} {...form.getInputProps('address')} data-testid="site-address" />
              <MultiSelect
                label={t('registry.serves')}
                description={t('registry.servesHint')}
                data={servesOptions}
                searchable
                clearable
                nothingFoundMessage={settlementId === null ? t('registry.pickSettlementFirst') : t('common.nothingFound')}
                {...form.getInputProps('servesIds')}
                data-testid="site-serves"
              />
              <Group gap="lg">
                <Checkbox label={t('registry.mobile')} {...form.getInputProps('mobile', { type: 'checkbox' })} data-testid="site-mobile" />
              </Group>
              <Select
                label={t('registry.accessible')}
                allowDeselect={false}
                data={[
                  { value: 'yes', label: t('common.yes') },
                  { value: 'no', label: t('common.no') },
                  { value: 'unknown', label: t('common.unknown') },
                ]}
                {...form.getInputProps('accessible')}
                data-testid="site-accessible"
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('registry.sectionCapacity')} disabled={readOnly}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput label={t('registry.capacity')} description={t('registry.capacityHint')} required {...form.getInputProps('capacity')} data-testid="site-capacity-input" />
              <NumberInput label={t('registry.users')} {...form.getInputProps('users')} data-testid="site-users" />
              <NumberInput label={t('registry.waitingList')} {...form.getInputProps('waitingList')} data-testid="site-waiting-list" />
              <NumberInput label={t('registry.staffPositions')} decimalScale={2} {...form.getInputProps('staffPositions')} data-testid="site-staff-positions" />
              <NumberInput label={t('registry.staffVacancies')} decimalScale={2} {...form.getInputProps('staffVacancies')} data-testid="site-staff-vacancies" />
              <Select
                label={t('registry.funding')}
                clearable
                data={FUNDING_SOURCES.map((k) => ({ value: k, label: t(`funding.${k}`) }))}
                {...form.getInputProps('funding')}
                data-testid="site-funding"
              />
              <TextInput label={t('registry.opened')} type="date" {...form.getInputProps('opened')} data-testid="site-opened" />
            </SimpleGrid>
          </Fieldset>

          <DialogActions onCancel={onClose} readOnly={readOnly} submit confirmTestId="site-save" loading={save.isPending} />
        </Stack>
      </form>
    </Drawer>
  );
}
