import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, List, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { mayChooseServiceType, TAG_PURPOSES, TARGET_GROUPS, type TQuestionTagInput } from '@potreby/domain';
import type { TQuestionnaireDetail } from '@potreby/server/surveys/schema';
import { api } from '../api/client';
import { useServiceTypes } from '../app/catalogue';
import { useNames } from '../app/names';
import { ErrorAlert } from '../components/ErrorAlert';
import { WARNING_COLOUR } from './colours';
import { answerOptions, kindOf, questionsOf, textIn, type TDraft, type TTexts } from './survey-definition';

type TPurpose = (typeof TAG_PURPOSES)[number];
type TRow = { purpose: TPurpose | null; serviceType: string | null; targetGroup: string | null; positiveValues: string[] };
const EMPTY: TRow = { purpose: null, serviceType: null, targetGroup: null, positiveValues: [] };
/** Purposes that are about a service, so they need one, and answers that count as "yes". */
const ABOUT_A_SERVICE: readonly TPurpose[] = ['need', 'current_use', 'satisfaction'];

/**
 * What each question tells: a need for a service, current use of it, satisfaction with it, the
 * respondent's settlement, or nothing for the estimates. Need tags feed the survey-based need
 * estimate of the gap dashboard.
 */
export function TagsPanel({ questionnaire, saved, country, onDirtyChange }: { questionnaire: TQuestionnaireDetail; saved: TDraft; country: string | null; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const queryClient = useQueryClient();
  const serviceTypes = useServiceTypes(country);
  const readOnly = !questionnaire.editable;
  const first = saved.languages[0]!;
  const questions = useMemo(() => questionsOf(saved), [saved]);

  const initial = useMemo(() => {
    const rows: Record<string, TRow> = {};
    for (const tag of questionnaire.tags) {
      if (rows[tag.questionName]) continue;
      rows[tag.questionName] = { purpose: tag.purpose, serviceType: tag.serviceType, targetGroup: tag.targetGroup, positiveValues: tag.positiveValues };
    }
    return rows;
  }, [questionnaire.tags]);
  const [rows, setRows] = useState(initial);
  const [tried, setTried] = useState(false);
  useEffect(() => setRows(initial), [initial]);
  const dirty = JSON.stringify(rows) !== JSON.stringify(initial);
  useEffect(() => onDirtyChange(dirty), [dirty]);

  const setRow = (name: string, patch: Partial<TRow>) => setRows((r) => ({ ...r, [name]: { ...(r[name] ?? EMPTY), ...patch } }));

  const problems = (name: string, row: TRow, hasOptions: boolean) => ({
    serviceType: row.purpose && ABOUT_A_SERVICE.includes(row.purpose) && !row.serviceType ? t('tags.problems.serviceType') : null,
    positive: row.purpose && ABOUT_A_SERVICE.includes(row.purpose) && hasOptions && row.positiveValues.length === 0 ? t('tags.problems.positive') : null,
    name,
  });

  const save = useMutation({
    mutationFn: (tags: TQuestionTagInput[]) => api.put<TQuestionnaireDetail>(`/questionnaires/${questionnaire.id}/tags`, { tags }),
    onSuccess: (detail) => {
      queryClient.setQueryData(['questionnaire', questionnaire.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['assessment'] });
      notifications.show({ color: 'teal', message: t('tags.saved') });
      setTried(false);
    },
  });

  const invalid = questions.some((q) => {
    const row = rows[String(q.raw.name)];
    if (!row?.purpose) return false;
    const p = problems(String(q.raw.name), row, answerOptions(q, saved, { yes: '', no: '' }).length > 0);
    return !!(p.serviceType || p.positive);
  });

  const submit = () => {
    setTried(true);
    if (invalid) return;
    const questionNames = new Set(questions.map((q) => String(q.raw.name)));
    const tags: TQuestionTagInput[] = Object.entries(rows)
      .filter(([name, row]) => row.purpose !== null && questionNames.has(name))
      .map(([questionName, row]) => ({
        questionName,
        purpose: row.purpose!,
        serviceType: row.purpose === 'settlement' ? null : row.serviceType,
        targetGroup: row.purpose === 'settlement' ? null : row.targetGroup,
        positiveValues: row.positiveValues,
      }));
    // This screen edits one tag per question. A question's further tags (another purpose) and
    // tags of questions no longer in the current version are kept as they were.
    const kept = questionnaire.tags
      .filter((x) => !questionNames.has(x.questionName) || (x.purpose !== initial[x.questionName]?.purpose && rows[x.questionName]?.purpose !== x.purpose))
      .map(({ id: _id, ...x }) => x);
    save.mutate([...tags, ...kept]);
  };

  // A retired type is offered only to the question whose saved tag has it: it keeps it, no other gets it.
  const allServiceTypeOptions = useMemo(
    () => serviceTypes.items.map((s) => ({ type: s, ...names.serviceTypeOption(s) })).sort((a, b) => a.label.localeCompare(b.label, names.language)),
    [serviceTypes.items, names.language],
  );
  const serviceTypeOptionsFor = (name: string) =>
    allServiceTypeOptions.filter((o) => mayChooseServiceType(o.type, initial[name]?.serviceType ?? null)).map(({ value, label }) => ({ value, label }));
  const targetGroupOptions = useMemo(() => TARGET_GROUPS.map((g) => ({ value: g, label: t(`targetGroups.${g}`) })).sort((a, b) => a.label.localeCompare(b.label, names.language)), [names.language]);

  return (
    <Stack gap="md" data-testid="tags">
      <Paper withBorder p="sm">
        <Title order={2} size="h4" mb="xs">
          {t('tags.title')}
        </Title>
        <List size="sm" spacing={4}>
          {TAG_PURPOSES.map((p) => (
            <List.Item key={p}>
              <Text span fw={600} size="sm">
                {t(`tags.purposes.${p}`)}
              </Text>
              {' — '}
              {t(`tags.explain.${p}`)}
            </List.Item>
          ))}
        </List>
        <Text size="sm" c="gray.7" mt="xs">
          {t('tags.fromCurrentVersion', { version: questionnaire.currentVersion })}
        </Text>
      </Paper>

      {questions.length === 0 ? (
        <Text c="gray.7" data-testid="tags-empty">
          {t('tags.empty')}
        </Text>
      ) : null}

      {questions.map((q) => {
        const name = String(q.raw.name);
        const row = rows[name] ?? EMPTY;
        const options = answerOptions(q, saved, { yes: t('common.yes'), no: t('common.no') });
        const title = textIn(q.raw.title as TTexts | undefined, first, saved.languages) || name;
        const p = tried && row.purpose ? problems(name, row, options.length > 0) : { serviceType: null, positive: null };
        const aboutService = row.purpose !== null && ABOUT_A_SERVICE.includes(row.purpose);
        return (
          <Paper key={q.uid} withBorder p="sm" component="section" aria-label={title} data-testid="tag-row" data-name={name}>
            <Group gap={6} mb="xs" wrap="wrap">
              <Text fw={600} size="sm" lang={first}>
                {title}
              </Text>
              <Text size="xs" c="gray.7" component="code">
                {name}
              </Text>
              <Badge size="xs" variant="light">
                {t(`designer.kinds.${kindOf(q.raw) === 'other' ? 'shortText' : kindOf(q.raw)}`)}
              </Badge>
              {row.purpose ? (
                <Badge size="xs" variant="filled" color="teal.9" data-testid="tag-badge">
                  {t(`tags.purposes.${row.purpose}`)}
                </Badge>
              ) : null}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
              <Select
                label={t('tags.purpose')}
                placeholder={t('tags.notTagged')}
                data={TAG_PURPOSES.map((x) => ({ value: x, label: t(`tags.purposes.${x}`) }))}
                value={row.purpose}
                onChange={(v) => {
                  const purpose = (v as TPurpose | null) ?? null;
                  // A yes/no question: "yes" counts as yes unless chosen otherwise.
                  const positiveValues = purpose && ABOUT_A_SERVICE.includes(purpose) && row.positiveValues.length === 0 && kindOf(q.raw) === 'yesNo' ? [options[0]!.value] : row.positiveValues;
                  setRow(name, { purpose, positiveValues });
                }}
                clearable
                disabled={readOnly}
                comboboxProps={{ withinPortal: true }}
                data-testid="tag-purpose"
              />
              <Select
                label={t('tags.serviceType')}
                placeholder={aboutService ? t('tags.pick') : t('tags.optional')}
                data={serviceTypeOptionsFor(name)}
                value={row.serviceType}
                onChange={(v) => setRow(name, { serviceType: v })}
                searchable
                clearable
                disabled={readOnly || !row.purpose || row.purpose === 'settlement'}
                error={p.serviceType}
                nothingFoundMessage={t('common.nothingFound')}
                comboboxProps={{ withinPortal: true }}
                data-testid="tag-service-type"
              />
              <Select
                label={t('tags.targetGroup')}
                placeholder={t('tags.optional')}
                data={targetGroupOptions}
                value={row.targetGroup}
                onChange={(v) => setRow(name, { targetGroup: v })}
                searchable
                clearable
                disabled={readOnly || !row.purpose || row.purpose === 'settlement'}
                nothingFoundMessage={t('common.nothingFound')}
                comboboxProps={{ withinPortal: true }}
                data-testid="tag-target-group"
              />
              {options.length ? (
                <MultiSelect
                  label={t('tags.positive')}
                  data={options}
                  value={row.positiveValues}
                  onChange={(positiveValues) => setRow(name, { positiveValues })}
                  disabled={readOnly || !aboutService}
                  error={p.positive}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="tag-positive"
                />
              ) : (
                <Text size="xs" c="gray.7" pt={24}>
                  {t('tags.noChoices')}
                </Text>
              )}
            </SimpleGrid>
          </Paper>
        );
      })}

      <ErrorAlert error={save.error} />
      {tried && invalid ? (
        <Alert color="red" variant="light" role="alert" data-testid="tags-invalid">
          {t('tags.fixFirst')}
        </Alert>
      ) : null}
      {!readOnly && questions.length ? (
        <Group justify="flex-end" style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', paddingBlock: 8 }}>
          {dirty ? (
            <Text size="sm" c={WARNING_COLOUR} data-testid="tags-unsaved">
              {t('tags.unsaved')}
            </Text>
          ) : null}
          <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={submit} loading={save.isPending} disabled={!dirty} data-testid="save-tags">
            {t('tags.save')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
