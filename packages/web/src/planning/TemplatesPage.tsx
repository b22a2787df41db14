import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type TCountry } from '@potreby/domain';
import { STAGE_OWNERS, type TDueRule, type TTemplateStage } from '@potreby/domain/planning/templates/template';
import { api, ApiError } from '../api/client';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';

type StoredTemplate = { key: string; country: TCountry; legalBasis: string; name: string | null; stages: TTemplateStage[]; edited: boolean; updatedAt: string | null };
type Issue = { path: string; message: string; value?: string };

const RULE_KINDS = ['fixed', 'after_start', 'after_stage'] as const;

/** A due rule of another kind, keeping what carries over (the period's length and unit). */
function ruleOfKind(kind: TDueRule['kind'], rule: TDueRule, firstStage: string): TDueRule {
  const days = rule.kind === 'fixed' ? 30 : rule.days;
  const unit = rule.kind === 'fixed' ? 'calendar' : rule.unit;
  if (kind === 'fixed') return { kind, month: 1, day: 31, yearOffset: 0 };
  if (kind === 'after_start') return { kind, days, unit };
  return { kind, stage: firstStage, from: 'due', days, unit };
}

/**
 * Planning templates (issue 8, item 1): each country's stages with their owner and due rule, as
 * national administrators edit them. The server checks the edit with the domain (a rule that
 * waits on a missing stage or on itself in a circle is refused); a saved edit changes only rounds
 * opened afterwards, which the page says.
 */
export function TemplatesPage() {
  const { t } = useTranslation();
  const names = useNames();
  const { user } = useSession();
  const [country, setCountry] = useState<TCountry>(((user?.territory as { country?: TCountry } | null)?.country ?? 'BG') as TCountry);
  const list = useQuery({ queryKey: ['planning-templates', country], queryFn: () => api.get<{ items: { key: string }[] }>('/planning/templates', { country }) });
  return (
    <>
      <PageTitle title={t('planningAdmin.templatesTitle')} />
      <Text mb="md" maw={820}>
        {t('planningAdmin.templatesIntro')}
      </Text>
      <Paper withBorder p="sm" mb="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="templates-country">
            {t('planningAdmin.country')}
          </Text>
          <SegmentedControl
            aria-labelledby="templates-country"
            value={country}
            onChange={(v) => setCountry(v as TCountry)}
            data={COUNTRIES.map((c) => ({ value: c, label: names.country(c) }))}
            data-testid="templates-country"
            // Whole country names: at 360 px the squeezed control broke "България" into "Българ-ия".
            fullWidth
            styles={{ label: { overflowWrap: 'normal', paddingInline: 6 } }}
            style={{ maxWidth: 420 }}
          />
        </Stack>
      </Paper>
      <ErrorAlert error={list.error} />
      {(list.data?.items ?? []).map((item) => (
        <TemplateEditor key={item.key} templateKey={item.key} />
      ))}
    </>
  );
}

function TemplateEditor({ templateKey }: { templateKey: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { permissions } = useSession();
  const canEdit = permissions?.editCatalogue ?? false;
  const stored = useQuery({ queryKey: ['planning-template', templateKey], queryFn: () => api.get<StoredTemplate>(`/planning/templates/${templateKey}`) });
  const [stages, setStages] = useState<TTemplateStage[]>([]);
  useEffect(() => {
    if (stored.data) setStages(stored.data.stages);
  }, [stored.data]);
  const save = useMutation({
    mutationFn: () => api.put<StoredTemplate>(`/planning/templates/${templateKey}`, { stages: stages.map((s) => (s.name?.trim() ? s : { ...s, name: undefined })) }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['planning-template', templateKey], saved);
      notifications.show({ color: 'teal', message: t('planningAdmin.saved') });
    },
  });
  const issues: Issue[] = save.error instanceof ApiError ? ((save.error.problem as { issues?: Issue[] }).issues ?? []) : [];
  const stageName = (s: TTemplateStage) => s.name || t(`planningTemplates.stages.${s.key}.name`, { defaultValue: s.key });
  const change = (i: number, patch: Partial<TTemplateStage>) => setStages((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const changeRule = (i: number, patch: Partial<TDueRule>) => setStages((all) => all.map((s, j) => (j === i ? { ...s, due: { ...s.due, ...patch } as TDueRule } : s)));
  if (!stored.data) return <ErrorAlert error={stored.error} />;
  const title = stored.data.name ?? t(`planningTemplates.templates.${templateKey}.name`, { defaultValue: templateKey });

  return (
    <Paper withBorder p="sm" mb="md" component="section" aria-labelledby={`template-${templateKey}`} data-testid="template-editor" data-key={templateKey}>
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={`template-${templateKey}`}>
            {title}
          </Title>
          <Badge variant="outline" color={stored.data.edited ? 'blue.8' : 'gray.8'}>
            {t(stored.data.edited ? 'planningAdmin.edited' : 'planningAdmin.asInLaw')}
          </Badge>
        </Group>
        <Text size="sm">{stored.data.legalBasis}</Text>
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} data-testid="template-notice">
          {t('planningAdmin.onlyNewRounds')}
        </Alert>
        {stages.map((stage, i) => {
          const rule = stage.due;
          const others = stages.filter((s) => s.key !== stage.key).map((s) => ({ value: s.key, label: stageName(s) }));
          const issue = issues.find((x) => x.path.startsWith(`stages.${i}.`));
          return (
            <Paper key={stage.key} withBorder p="xs" data-testid="template-stage" data-key={stage.key}>
              <Stack gap="xs">
                <Text fw={600}>{stageName(stage)}</Text>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
                  <TextInput
                    label={t('planningAdmin.stageName')}
                    placeholder={t(`planningTemplates.stages.${stage.key}.name`, { defaultValue: '' })}
                    value={stage.name ?? ''}
                    maxLength={200}
                    disabled={!canEdit}
                    onChange={(e) => change(i, { name: e.currentTarget.value })}
                  />
                  <Select
                    label={t('planningAdmin.owner')}
                    value={stage.owner}
                    allowDeselect={false}
                    disabled={!canEdit}
                    data={STAGE_OWNERS.map((o) => ({ value: o, label: t(`planningTemplates.owners.${o}`) }))}
                    onChange={(v) => v && change(i, { owner: v as TTemplateStage['owner'] })}
                  />
                  <Select
                    label={t('planningAdmin.dueRule')}
                    value={rule.kind}
                    allowDeselect={false}
                    disabled={!canEdit}
                    data={RULE_KINDS.map((k) => ({ value: k, label: t(`planningAdmin.ruleKinds.${k}`) }))}
                    onChange={(v) => v && change(i, { due: ruleOfKind(v as TDueRule['kind'], rule, others[0]?.value ?? stage.key) })}
                    data-testid="stage-rule-kind"
                  />
                  {rule.kind === 'after_stage' ? (
                    <Select label={t('planningAdmin.afterStage')} value={rule.stage} allowDeselect={false} disabled={!canEdit} data={others} onChange={(v) => v && changeRule(i, { stage: v })} />
                  ) : null}
                  {rule.kind === 'fixed' ? (
                    <>
                      <NumberInput label={t('planningAdmin.day')} value={rule.day} min={1} max={31} allowDecimal={false} disabled={!canEdit} onChange={(v) => changeRule(i, { day: Number(v) || 1 })} />
                      <NumberInput label={t('planningAdmin.month')} value={rule.month} min={1} max={12} allowDecimal={false} disabled={!canEdit} onChange={(v) => changeRule(i, { month: Number(v) || 1 })} />
                      <NumberInput label={t('planningAdmin.yearOffset')} value={rule.yearOffset} min={-5} max={10} allowDecimal={false} disabled={!canEdit} onChange={(v) => changeRule(i, { yearOffset: Number(v) || 0 })} />
                    </>
                  ) : (
                    <>
                      <NumberInput
                        label={t('planningAdmin.days')}
                        value={rule.days}
                        min={0}
                        max={36600}
                        allowDecimal={false}
                        disabled={!canEdit}
                        onChange={(v) => changeRule(i, { days: Number(v) || 0 })}
                        data-testid="stage-days"
                      />
                      <Select
                        label={t('planningAdmin.unit')}
                        value={rule.unit}
                        allowDeselect={false}
                        disabled={!canEdit}
                        data={(['calendar', 'working'] as const).map((u) => ({ value: u, label: t(`planningAdmin.units.${u}`) }))}
                        onChange={(v) => v && changeRule(i, { unit: v as 'calendar' | 'working' })}
                      />
                    </>
                  )}
                  {rule.kind === 'after_stage' ? (
                    <Select
                      label={t('planningAdmin.from')}
                      value={rule.from}
                      allowDeselect={false}
                      disabled={!canEdit}
                      data={(['due', 'done'] as const).map((f) => ({ value: f, label: t(`planningAdmin.fromKinds.${f}`) }))}
                      onChange={(v) => v && changeRule(i, { from: v as 'due' | 'done' })}
                    />
                  ) : null}
                </SimpleGrid>
                {issue ? (
                  <Text size="sm" c="red.8" role="alert" data-testid="stage-issue">
                    {t(`common.fieldErrors.${issue.message}`, { defaultValue: t('common.fieldErrors.invalid') })}
                    {issue.value ? ` (${issue.value})` : ''}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
          );
        })}
        {issues.length === 0 ? <ErrorAlert error={save.error} /> : null}
        {canEdit ? (
          <Group>
            <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="save-template">
              {t('planningAdmin.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
