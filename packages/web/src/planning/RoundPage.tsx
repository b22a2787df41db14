import { Anchor, Badge, Group, Loader, Tabs, Text } from '@mantine/core';
import { IconCalendarDue, IconChecklist, IconCoin, IconHeartbeat, IconListDetails, IconSignature, IconUsersGroup, IconArrowsShuffle, IconScale, IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useNames } from '../app/names';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { Phrase, SLOT } from '../app/Phrase';
import { AgreementTab } from './AgreementTab';
import { BudgetTab } from './BudgetTab';
import { PlanHealthTab } from './PlanHealthTab';
import { PeersTab } from './PeersTab';
import { ScenariosTab } from './ScenariosTab';
import { ProposalsTab } from './ProposalsTab';
import { useRound, useRoundMunicipalities } from './round-queries';
import { StagesTab } from './StagesTab';
import { MeetingsTab } from './MeetingsTab';
import { TasksTab } from './TasksTab';
import { ConsultationsTab } from '../consultation/ConsultationsTab';
import { SUCCESS_COLOUR } from '../questionnaires/colours';

/** The sections of a round, in the order the work goes; `?tab=` opens one from a link. */
const SECTIONS = [
  { key: 'stages', icon: IconCalendarDue },
  { key: 'tasks', icon: IconChecklist },
  { key: 'meetings', icon: IconUsersGroup },
  { key: 'proposals', icon: IconListDetails },
  { key: 'health', icon: IconHeartbeat },
  { key: 'budget', icon: IconCoin },
  { key: 'scenarios', icon: IconArrowsShuffle },
  { key: 'peers', icon: IconScale },
  { key: 'agreement', icon: IconSignature },
  { key: 'consultation', icon: IconMessages },
] as const;
type TSection = (typeof SECTIONS)[number]['key'];
const isSection = (v: string | null): v is TSection => SECTIONS.some((s) => s.key === v);

/** One planning round: its deadlines, the municipalities' proposals, the plan's health and its budget. */
export function RoundPage() {
  const { t } = useTranslation();
  const names = useNames();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: TSection = isSection(params.get('tab')) ? (params.get('tab') as TSection) : 'stages';
  const round = useRound(id);
  const municipalities = useRoundMunicipalities(round.data);
  const r = round.data;

  if (round.isLoading) return <Loader role="status" aria-label={t('common.loading')} />;
  if (!r) {
    return (
      <>
        <PageTitle title={t('rounds.title')} />
        <ErrorAlert error={round.error} />
        <Anchor component={Link} to="/planning" mt="md" display="inline-block">
          {t('rounds.back')}
        </Anchor>
      </>
    );
  }
  return (
    <>
      <Anchor component={Link} to="/planning" size="sm">
        {t('rounds.back')}
      </Anchor>
      <PageTitle
        title={t('rounds.roundOf', { territory: names.territory(r.territory), from: r.periodStart, to: r.periodEnd })}
        heading={
          <Phrase text={t('rounds.roundOf', { territory: SLOT, from: r.periodStart, to: r.periodEnd })} lang={names.territoryLang(r.territory)}>
            {names.territory(r.territory)}
          </Phrase>
        }
      />
      <Group gap="xs" mb="md">
        <Text size="sm">{t(`planningTemplates.templates.${r.templateKey}.name`, { defaultValue: r.templateKey })}</Text>
        <Badge size="sm" variant="light" color="indigo">
          {t(`methodsShort.${r.method}`)}
        </Badge>
        <Badge size="sm" variant={r.status === 'open' ? 'light' : 'outline'} color={r.status === 'open' ? SUCCESS_COLOUR : 'gray.8'} data-testid="round-status">
          {t(`rounds.statuses.${r.status}`)}
        </Badge>
      </Group>
      <Tabs value={tab} onChange={(v) => setParams(v === 'stages' || !v ? {} : { tab: v })} keepMounted={false}>
        <Tabs.List mb="md">
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s.key} value={s.key} leftSection={<s.icon size={16} aria-hidden />} data-testid={`round-tab-${s.key}`}>
              {t(`rounds.tabs.${s.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="stages">
          <StagesTab round={r} municipalities={municipalities} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks">
          <TasksTab round={r} municipalities={municipalities} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings">
          <MeetingsTab round={r} municipalities={municipalities} />
        </Tabs.Panel>
        <Tabs.Panel value="proposals">
          <ProposalsTab round={r} municipalities={municipalities} />
        </Tabs.Panel>
        <Tabs.Panel value="health">
          <PlanHealthTab round={r} municipalities={municipalities} />
        </Tabs.Panel>
        <Tabs.Panel value="budget">
          <BudgetTab round={r} municipalities={municipalities} />
        </Tabs.Panel>
        <Tabs.Panel value="scenarios">
          <ScenariosTab round={r} municipalities={municipalities} />
        </Tabs.Panel>
        <Tabs.Panel value="peers">
          <PeersTab round={r} municipalities={municipalities} />
        </Tabs.Panel>
        <Tabs.Panel value="agreement">
          <AgreementTab round={r} municipalities={municipalities} />
        </Tabs.Panel>
        <Tabs.Panel value="consultation">
          <ConsultationsTab round={r} municipalities={municipalities} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
