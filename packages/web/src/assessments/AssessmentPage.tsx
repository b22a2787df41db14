import { Anchor, Group, Loader, Tabs, Text } from '@mantine/core';
import {
  IconBulb,
  IconChartDots,
  IconClipboardCheck,
  IconFileText,
  IconLayoutDashboard,
  IconListCheck,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { DemoBadge } from '../components/DemoBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { AssessmentStatus } from './AssessmentStatus';
import { useAssessment } from './assessment-queries';
import { FindingsTab } from './FindingsTab';
import { MethodsTab } from './MethodsTab';
import { NeedsTab } from './NeedsTab';
import { OverviewTab } from './OverviewTab';
import { PlanTab } from './PlanTab';
import { QuestionnairesTab } from './QuestionnairesTab';
import { WorkingGroupTab } from './WorkingGroupTab';

/** The sections of the workspace, in the order the procedure goes; `?tab=` opens one from a link. */
export const SECTIONS = [
  { key: 'overview', icon: IconLayoutDashboard },
  { key: 'group', icon: IconUsersGroup },
  { key: 'plan', icon: IconListCheck },
  { key: 'methods', icon: IconClipboardCheck },
  { key: 'questionnaires', icon: IconFileText },
  { key: 'findings', icon: IconBulb },
  { key: 'needs', icon: IconChartDots },
] as const;
export type TSection = (typeof SECTIONS)[number]['key'];
const isSection = (v: string | null): v is TSection => SECTIONS.some((s) => s.key === v);

/** One needs assessment: its working group, plan, methods, questionnaires, findings and estimated needs. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: TSection = isSection(params.get('tab')) ? (params.get('tab') as TSection) : 'overview';
  const detail = useAssessment(id);
  const a = detail.data;

  const open = (section: TSection) => setParams(section === 'overview' ? {} : { tab: section }, { replace: false });

  if (detail.isLoading) return <Loader role="status" aria-label={t('common.loading')} />;
  if (!a) {
    return (
      <>
        <PageTitle title={t('assessments.title')} />
        <ErrorAlert error={detail.error} />
        <Anchor component={Link} to="/assessments" mt="md" display="inline-block">
          {t('assessments.backToList')}
        </Anchor>
      </>
    );
  }

  return (
    <>
      <Anchor component={Link} to="/assessments" size="sm" mb={4} display="inline-block">
        {t('assessments.backToList')}
      </Anchor>
      <PageTitle title={a.title} lang={a.language} />
      <Group gap="sm" mb="md" mt={-8} wrap="wrap" data-testid="assessment-context">
        <Text size="sm" lang={names.territoryLang(a.territory)}>
          {names.territory(a.territory)}
        </Text>
        <Text size="sm" c="gray.7" aria-hidden>
          ·
        </Text>
        <Text size="sm">{t('assessments.periodRange', { from: fmt.date(a.periodFrom), to: fmt.date(a.periodTo) })}</Text>
        <AssessmentStatus status={a.status} />
        {a.demo ? <DemoBadge /> : null}
      </Group>
      <ErrorAlert error={detail.error} />
      <Tabs value={tab} onChange={(v) => isSection(v) && open(v)} keepMounted={false} data-testid="assessment-tabs">
        <Tabs.List mb="md">
          {SECTIONS.map(({ key, icon: Icon }) => (
            <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} aria-hidden />} data-testid={`tab-${key}`}>
              {t(`assessments.sections.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewTab assessment={a} onOpen={open} />
        </Tabs.Panel>
        <Tabs.Panel value="group">
          <WorkingGroupTab assessment={a} />
        </Tabs.Panel>
        <Tabs.Panel value="plan">
          <PlanTab assessment={a} />
        </Tabs.Panel>
        <Tabs.Panel value="methods">
          <MethodsTab assessment={a} />
        </Tabs.Panel>
        <Tabs.Panel value="questionnaires">
          <QuestionnairesTab assessment={a} />
        </Tabs.Panel>
        <Tabs.Panel value="findings">
          <FindingsTab assessment={a} />
        </Tabs.Panel>
        <Tabs.Panel value="needs">
          <NeedsTab assessment={a} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
