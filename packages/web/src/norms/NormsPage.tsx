import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { levelRank, type TLevel } from '@potreby/domain';
import type { TNormList, TNormView } from '@potreby/server/norms/schema';
import type { TTerritoryDetail, TTerritoryList } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { DemoBadge } from '../components/DemoBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import { ExportButtons } from '../components/ExportButtons';
import { RowAction } from '../components/RowAction';
import { PageTitle } from '../components/PageTitle';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { DeleteNorm } from './DeleteNorm';
import { describeTarget } from './describe-target';
import { NormForm } from './NormForm';
import { NormSource } from './NormSource';

/**
 * Coverage norms (places per 1,000 of a target population) in force for a country or region:
 * the country's defaults and any regional overrides, which is what the normative need uses.
 */
export function NormsPage() {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const { user, permissions } = useSession();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<{ norm: TNormView | null } | null>(null);
  const [deleting, setDeleting] = useState<TNormView | null>(null);

  // Without a choice: the user's own territory, else the first country they can see.
  const top = useQuery({ queryKey: ['territory-children', null], queryFn: () => api.get<TTerritoryList>('/territories'), enabled: !params.get('territoryId') && !user?.territory });
  const territoryId = params.get('territoryId') ? Number(params.get('territoryId')) : (user?.territory?.id ?? top.data?.items[0]?.id ?? null);
  useEffect(() => {
    if (!params.get('territoryId') && territoryId !== null) setParams({ territoryId: String(territoryId) }, { replace: true });
  }, [territoryId]);

  const territory = useQuery({
    queryKey: ['territory', territoryId],
    queryFn: () => api.get<TTerritoryDetail>(`/territories/${territoryId}`),
    enabled: territoryId !== null,
  });
  const norms = useQuery({
    queryKey: ['norms', territoryId],
    queryFn: () => api.get<TNormList>('/norms', { territoryId }),
    enabled: territoryId !== null,
  });

  // A regional norm replaces the country's for the same service type: mark the replaced one.
  const rows = useMemo(() => {
    const items = norms.data?.items ?? [];
    const deepest = new Map<string, number>();
    for (const n of items) deepest.set(n.serviceType, Math.max(deepest.get(n.serviceType) ?? -1, levelRank(n.territory.level as TLevel)));
    return items
      .map((n) => ({ norm: n, inForce: levelRank(n.territory.level as TLevel) === deepest.get(n.serviceType) }))
      .sort((a, b) => names.serviceType(a.norm.serviceType).localeCompare(names.serviceType(b.norm.serviceType), names.language) || Number(b.inForce) - Number(a.inForce));
  }, [norms.data, names.language]);

  const canEdit = permissions?.editNorms ?? false;
  const current = territory.data?.territory ?? null;
  // New norms are set on the chosen country or region (or the region above a chosen municipality).
  const normTerritoryId =
    current && (current.level === 'country' || current.level === 'region')
      ? current.id
      : (territory.data?.ancestors.find((a) => a.level === 'region')?.id ?? territory.data?.ancestors[0]?.id ?? null);

  return (
    <>
      <PageTitle title={t('norms.title')}>
        {canEdit ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ norm: null })} disabled={!current} data-testid="add-norm">
            {t('norms.add')}
          </Button>
        ) : null}
      </PageTitle>
      <Text mb="md" maw={820}>
        {t('norms.intro')}
      </Text>
      <Paper withBorder p="sm" mb="md">
        <Group align="flex-end" justify="space-between">
          <TerritoryPicker
            label={t('norms.territory')}
            levels={['country', 'region', 'municipality']}
            value={territoryId}
            onChange={(id) => id !== null && setParams({ territoryId: String(id) }, { replace: true })}
            clearable={false}
            data-testid="norms-territory"
          />
          <ExportButtons table="norms" query={{ territoryId }} />
        </Group>
      </Paper>

      <ErrorAlert error={territory.error} />
      <ListTable
        query={norms}
        count={rows.length}
        empty={t('norms.empty')}
        emptyTestId="norms-empty"
        minWidth={860}
        testId="norms-table"
        columns={[
          { key: 'type', label: t('norms.serviceType') },
          { key: 'target', label: t('norms.target') },
          { key: 'rate', label: t('norms.rate'), numeric: true },
          { key: 'appliesTo', label: t('norms.appliesTo') },
          { key: 'source', label: t('norms.source') },
          { key: 'updated', label: t('common.updated') },
          ...(canEdit ? [{ key: 'actions', label: t('common.actions'), hidden: true }] : []),
        ]}
      >
        {rows.map(({ norm: n, inForce }) => (
          <Table.Tr key={n.id} data-testid="norm-row">
            <Table.Td>
              <Text size="sm" fw={600}>
                {names.serviceType(n.serviceType)}
              </Text>
            </Table.Td>
            <Table.Td>{describeTarget(t, n.target)}</Table.Td>
            <Table.Td className="num" data-testid="norm-rate">
              {fmt.number(n.ratePer1000, 2)}
            </Table.Td>
            <Table.Td>
              <Group gap={6}>
                <Text size="sm">{names.territory(n.territory)}</Text>
                {n.territory.level !== 'country' ? (
                  <Badge size="xs" variant="light" color="indigo">
                    {t('norms.regionalOverride')}
                  </Badge>
                ) : null}
                {!inForce ? (
                  <Badge size="xs" variant="outline" color="gray.8">
                    {t('norms.overridden')}
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <NormSource source={n.source} />
                {n.illustrative ? <DemoBadge kind="illustrative" /> : null}
              </Group>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(n.updatedAt)}</Table.Td>
            {canEdit ? (
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <RowAction tooltip={t('common.edit')} label={t('norms.editNamed', { name: names.serviceType(n.serviceType), territory: names.territory(n.territory) })} icon={IconPencil} onClick={() => setEditing({ norm: n })} testId="edit-norm" />
                  <RowAction tooltip={t('common.delete')} label={t('norms.deleteNamed', { name: names.serviceType(n.serviceType), territory: names.territory(n.territory) })} icon={IconTrash} onClick={() => setDeleting(n)} testId="delete-norm" danger />
                </Group>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </ListTable>
      {current ? (
        <NormForm
          opened={editing !== null}
          norm={editing?.norm ?? null}
          country={current.country}
          defaultTerritoryId={normTerritoryId}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <DeleteNorm norm={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
