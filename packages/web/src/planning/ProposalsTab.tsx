import { useMemo, useState } from 'react';
import { Badge, Button, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COUNTRY_LANGUAGE } from '@potreby/i18n';
import type { TItemView } from '@potreby/server/planning/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ListTable } from '../components/ListTable';
import { RowAction } from '../components/RowAction';
import { ItemForm } from './ItemForm';
import { ItemGap } from './ItemGap';
import { ProposalsImport } from './ProposalsImport';
import { mayPropose } from './round-access';
import type { RoundTabProps } from './round-parts';
import { useRoundCurrency } from './currency';
import { roundKeys, useChecks, useItems } from './round-queries';
import { DANGER_COLOUR, SUCCESS_COLOUR } from '../questionnaires/colours';

/**
 * The municipalities' proposals, item by item, each with the checks it fails: a municipal officer
 * sees and changes their own municipality's, a region's officer every municipality's.
 */
export function ProposalsTab({ round, municipalities }: RoundTabProps) {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const currency = useRoundCurrency(round);
  const queryClient = useQueryClient();
  const { user } = useSession();
  const own = municipalities.find((m) => m.id === user?.territory?.id)?.id ?? null;
  const [municipalityId, setMunicipalityId] = useState<string | null>(own === null ? null : String(own));
  const [editing, setEditing] = useState<{ item: TItemView | null } | null>(null);
  const [deleting, setDeleting] = useState<TItemView | null>(null);
  const items = useItems(round.id);
  // Stored text is in the language its municipality wrote it in, as far as the app can tell.
  const dataLanguage: string | undefined = COUNTRY_LANGUAGE[round.territory.country as keyof typeof COUNTRY_LANGUAGE];
  const checks = useChecks(round.id, names.language);

  const shown = useMemo(() => (items.data?.items ?? []).filter((i) => municipalityId === null || i.municipalityId === Number(municipalityId)), [items.data, municipalityId]);
  const checksOf = useMemo(() => {
    const byItem = new Map<number, string[]>();
    for (const c of checks.data?.checks ?? []) if (c.item !== null) byItem.set(c.item, [...(byItem.get(c.item) ?? []), c.message]);
    return byItem;
  }, [checks.data]);
  // The gap each item answers: its municipality's and service type's, before and after the plan.
  const gapOf = useMemo(() => new Map((checks.data?.gaps ?? []).map((g) => [`${g.municipalityId}|${g.serviceType}`, g])), [checks.data]);
  const municipalityName = (id: number) => names.territory(municipalities.find((m) => m.id === id));
  // The server decides; the screen offers changes only where they can be made.
  const mayChange = (municipality: number) => round.status === 'open' && mayPropose(user) && (user?.role !== 'municipal_officer' || municipality === own);
  const remove = useMutation({
    mutationFn: (item: TItemView) => api.delete(`/planning/items/${item.id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: roundKeys.round(round.id) });
      setDeleting(null);
    },
  });

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
        <Select
          label={t('proposals.municipality')}
          placeholder={t('proposals.allMunicipalities')}
          clearable
          searchable
          data={municipalities.map((m) => ({ value: String(m.id), label: names.territory(m) }))}
          value={municipalityId}
          onChange={setMunicipalityId}
          maw={360}
          data-testid="items-municipality"
        />
        {round.status === 'open' && mayPropose(user) ? (
          <Group gap="xs">
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ item: null })} data-testid="add-item">
              {t('proposals.add')}
            </Button>
            <ProposalsImport roundId={round.id} />
          </Group>
        ) : null}
      </Group>
      <ListTable
        query={items}
        count={shown.length}
        empty={t('proposals.empty')}
        emptyTestId="items-empty"
        minWidth={900}
        testId="items-table"
        columns={[
          { key: 'municipality', label: t('proposals.municipality') },
          { key: 'action', label: t('proposals.action') },
          { key: 'type', label: t('proposals.serviceType') },
          { key: 'change', label: t('proposals.change'), numeric: true },
          { key: 'start', label: t('proposals.startYear'), numeric: true },
          { key: 'funding', label: t('proposals.fundingSource') },
          { key: 'cost', label: t('proposals.annualCost', { currency }), numeric: true },
          { key: 'checks', label: t('proposals.checks') },
          { key: 'actions', label: t('common.actions'), hidden: true },
        ]}
      >
        {shown.map((i) => {
          const failing = checksOf.get(i.id) ?? [];
          return (
            <Table.Tr key={i.id} data-testid="item-row" data-item={i.id}>
              {/* Whole words: on a phone the wide table scrolls, and squeezed cells broke "Пещера" into "Пещ-ера". */}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{municipalityName(i.municipalityId)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`proposalActions.${i.action}`)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {names.serviceType(i.serviceType)}
                </Text>
                {i.explanation ? (
                  <Text size="xs" c="gray.7" lineClamp={2} lang={dataLanguage}>
                    {i.explanation}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td className="num" style={{ whiteSpace: 'nowrap' }}>
                {t(`proposals.changeIn.${i.unit}`, { count: Math.abs(i.capacityChange), value: `${i.capacityChange > 0 ? '+' : ''}${fmt.number(i.capacityChange)}` })}
                <ItemGap gap={gapOf.get(`${i.municipalityId}|${i.serviceType}`)} />
              </Table.Td>
              <Table.Td className="num">{i.startYear}</Table.Td>
              <Table.Td>{t(`fundingSources.${i.fundingSource}`)}</Table.Td>
              <Table.Td className="num">{i.annualCost === null ? <Text size="sm" c="gray.7">{t('proposals.costFromStandard')}</Text> : fmt.number(i.annualCost)}</Table.Td>
              <Table.Td>
                {failing.length === 0 ? (
                  <Badge size="sm" variant="light" color={SUCCESS_COLOUR}>
                    {t('proposals.noProblems')}
                  </Badge>
                ) : (
                  <Tooltip label={failing.join(' · ')} multiline w={320}>
                    <Badge size="sm" variant="light" color={DANGER_COLOUR} data-testid="item-check">
                      {t('proposals.problems', { count: failing.length })}
                    </Badge>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td>
                {mayChange(i.municipalityId) ? (
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <RowAction tooltip={t('common.edit')} label={t('proposals.editNamed', { name: names.serviceType(i.serviceType) })} icon={IconPencil} onClick={() => setEditing({ item: i })} testId="edit-item" />
                    <RowAction tooltip={t('common.delete')} label={t('proposals.deleteNamed', { name: names.serviceType(i.serviceType) })} icon={IconTrash} onClick={() => setDeleting(i)} testId="delete-item" danger />
                  </Group>
                ) : null}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
      <ItemForm round={round} municipalities={municipalities} opened={editing !== null} item={editing?.item ?? null} municipalityId={municipalityId === null ? own : Number(municipalityId)} onClose={() => setEditing(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('proposals.deleteTitle')}
        question={deleting ? t('proposals.deleteQuestion', { name: names.serviceType(deleting.serviceType), municipality: municipalityName(deleting.municipalityId) }) : ''}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        confirmLabel={t('common.delete')}
        confirmTestId="confirm-delete-item"
        loading={remove.isPending}
        danger
      />
    </>
  );
}
