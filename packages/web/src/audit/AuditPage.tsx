import { Fragment, useState } from 'react';
import { Button, Group, Loader, Paper, Select, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AUDIT_ENTITIES } from '@potreby/domain/audit/audit-entries';
import type { TAuditList } from '@potreby/server/audit/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportButtons } from '../components/ExportButtons';
import { PageTitle } from '../components/PageTitle';
import { Pager } from '../components/Pager';
import { AuditActor } from './AuditActor';
import { AuditDiff } from './AuditDiff';

const PAGE_SIZE = 50;

/** Who changed what and when (admin); each change opens to show the record before and after. */
export function AuditPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const [params, setParams] = useSearchParams();
  const entity = params.get('entity');
  const page = Number(params.get('page') ?? '1') || 1;
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());

  const log = useQuery({
    queryKey: ['audit', { entity, page }],
    queryFn: () => api.get<TAuditList>('/audit', { entity, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageTitle title={t('audit.title')} />
      <Paper withBorder p="sm" mb="md">
        <Group justify="space-between" align="flex-end">
          <Select
            label={t('audit.entity')}
            value={entity}
            onChange={(v) => setParams(v ? { entity: v } : {}, { replace: true })}
            data={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) })).sort((a, b) => a.label.localeCompare(b.label, names.language))}
            clearable
            placeholder={t('audit.allEntities')}
            data-testid="audit-entity"
          />
          <ExportButtons table="audit" />
        </Group>
      </Paper>
      <ErrorAlert error={log.error} />
      {log.isPending ? <Loader role="status" aria-label={t('common.loading')} /> : null}
      {log.data ? (
        <Paper withBorder p="sm">
          {log.data.items.length === 0 ? (
            <Text c="gray.7" ta="center" py="lg">
              {t('audit.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing={6} fz="sm" data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('audit.when')}</Table.Th>
                    <Table.Th scope="col">{t('audit.who')}</Table.Th>
                    <Table.Th scope="col">{t('audit.action')}</Table.Th>
                    <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                    <Table.Th scope="col">{t('audit.territory')}</Table.Th>
                    <Table.Th scope="col">
                      <span className="sr-only">{t('audit.details')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {log.data.items.map((e) => {
                    const expanded = open.has(e.id);
                    const hasDetails = e.before != null || e.after != null;
                    return (
                      <Fragment key={e.id}>
                        <Table.Tr data-testid="audit-row">
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(e.at)}</Table.Td>
                          <Table.Td>
                            <AuditActor actor={e.actor} userName={e.userName} />
                          </Table.Td>
                          <Table.Td data-testid="audit-action">{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</Table.Td>
                          <Table.Td data-testid="audit-entity-cell">
                            {t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}
                            {e.entityId ? (
                              <Text span size="xs" c="gray.7">
                                {' '}
                                #{e.entityId}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td lang={names.territoryLang(e.territory)}>{e.territory ? `${names.territory(e.territory)} (${e.territory.code})` : '—'}</Table.Td>
                          <Table.Td>
                            {hasDetails ? (
                              <Button
                                variant="default"
                                size="compact-sm"
                                onClick={() => toggle(e.id)}
                                aria-expanded={expanded}
                                aria-controls={`audit-diff-${e.id}`}
                                leftSection={expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
                                data-testid="audit-toggle"
                              >
                                {t(expanded ? 'audit.hideChanges' : 'audit.showChanges')}
                              </Button>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                        {expanded ? (
                          <Table.Tr id={`audit-diff-${e.id}`}>
                            <Table.Td colSpan={6} bg="gray.0">
                              <AuditDiff entity={e.entity} before={e.before} after={e.after} />
                            </Table.Td>
                          </Table.Tr>
                        ) : null}
                      </Fragment>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={log.data.total}
            onChange={(p) => setParams(entity ? { entity, page: String(p) } : { page: String(p) }, { replace: true })}
          />
        </Paper>
      ) : null}
    </>
  );
}
