import { useMemo } from 'react';
import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZRespondentGroupInput } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { useOfferedServiceTypes } from '../catalogue/offered-types';
import { numberOrNull, numberOrUndefined, orNull } from '../app/validation';
import { PartFormModal, usePartForm } from './PartForm';

type TGroup = TAssessmentDetail['groups'][number];
type Num = number | string;
type FormValues = { choice: string | null; key: string; name: string; targetRespondents: Num; population: Num; populationSource: string };

/** The choice that means "a group of our own" (providers, specialists…), with a key the user types. */
const OWN = '__own';

/**
 * The target groups of the country's service catalogue, which respondent groups usually follow;
 * a group only a retired type serves is not offered (a group that has its key keeps it as its own).
 */
export function useCatalogueGroups(country: string) {
  const { items } = useOfferedServiceTypes(country);
  return useMemo(() => [...new Set(items.flatMap((s) => s.targetGroups))].sort(), [items]);
}

function initialValues(g: TGroup | null, catalogue: string[]): FormValues {
  const inCatalogue = g ? catalogue.includes(g.key) : false;
  return {
    choice: g ? (inCatalogue ? g.key : OWN) : null,
    key: g?.key ?? '',
    name: g?.name ?? '',
    targetRespondents: g?.targetRespondents ?? '',
    population: g?.population ?? '',
    populationSource: g?.populationSource ?? '',
  };
}

const toInput = (v: FormValues) => ({
  key: v.choice === OWN || v.choice === null ? v.key.trim() : v.choice,
  name: v.name,
  targetRespondents: numberOrUndefined(v.targetRespondents) ?? 0,
  population: numberOrNull(v.population),
  populationSource: orNull(v.populationSource.trim()),
});

/** Add a respondent group (from the catalogue's target groups or one's own) with its target and population. */
export function GroupForm({ assessment, group, opened, onClose }: { assessment: TAssessmentDetail; group: TGroup | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogueGroups(assessment.territory.country);
  const { form, modal } = usePartForm(
    { assessmentId: assessment.id, part: 'groups', partId: group?.id ?? null, opened, onClose },
    {
      initialValues: initialValues(group, catalogue),
      schema: ZRespondentGroupInput,
      toInput,
      // The key is typed only for a group of one's own; a catalogue group's key is its choice.
      validate: (v, errors) => {
        if (v.choice === null) errors.choice = t('common.fieldErrors.required');
        else if (v.choice === OWN && errors.key && v.key.trim() !== '') errors.key = t('dataMethods.keyRule');
        else if (v.choice !== OWN && errors.key) errors.choice = errors.key;
        return errors;
      },
      savedMessage: (values) => t('dataMethods.groupSaved', { name: values.name.trim() }),
      duplicateField: (values) => (values.choice === OWN ? 'key' : 'choice'),
      // The catalogue may arrive after the form opened: a group from it is then shown as such.
      resetWhen: catalogue.length,
    },
  );

  const used = new Set(assessment.groups.filter((g) => g.id !== group?.id).map((g) => g.key));
  const options = [
    { value: OWN, label: t('dataMethods.ownGroup') },
    ...catalogue.map((k) => ({ value: k, label: t(`targetGroups.${k}`, { defaultValue: k }), disabled: used.has(k) })),
  ];

  return (
    <PartFormModal {...modal} title={t(group ? 'dataMethods.editGroupTitle' : 'dataMethods.addGroupTitle')} size="lg" testId="group-form" saveTestId="group-save">
      <Select
        label={t('dataMethods.groupKind')}
        description={t('dataMethods.groupKindHint')}
        required
        searchable
        allowDeselect={false}
        data={options}
        {...form.getInputProps('choice')}
        onChange={(choice) => {
          const previous = form.values.choice;
          form.setFieldValue('choice', choice);
          // The catalogue's name is a good start; a name the user typed is kept.
          const previousLabel = previous && previous !== OWN ? t(`targetGroups.${previous}`, { defaultValue: previous }) : '';
          if (choice && choice !== OWN && (form.values.name.trim() === '' || form.values.name === previousLabel)) {
            form.setFieldValue('name', t(`targetGroups.${choice}`, { defaultValue: choice }));
          }
        }}
        data-testid="group-kind"
      />
      {form.values.choice === OWN ? (
        <TextInput label={t('dataMethods.key')} description={t('dataMethods.keyHint')} required {...form.getInputProps('key')} data-testid="group-key" />
      ) : null}
      <TextInput label={t('dataMethods.groupName')} description={t('dataMethods.groupNameHint')} required {...form.getInputProps('name')} data-testid="group-name" />
      <NumberInput
        label={t('dataMethods.target')}
        description={t('dataMethods.targetHint')}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        {...form.getInputProps('targetRespondents')}
        data-testid="group-target"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          label={t('dataMethods.population')}
          description={t('dataMethods.populationHint')}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=" "
          {...form.getInputProps('population')}
          data-testid="group-population"
        />
        <TextInput label={t('dataMethods.populationSource')} description={t('dataMethods.populationSourceHint')} {...form.getInputProps('populationSource')} data-testid="group-population-source" />
      </SimpleGrid>
    </PartFormModal>
  );
}
