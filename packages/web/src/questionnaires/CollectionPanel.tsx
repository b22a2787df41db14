import { useState } from 'react';
import { ActionIcon, Anchor, Button, CopyButton, Group, Image, Modal, Paper, Select, Stack, Switch, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconDownload, IconLink, IconQrcode } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import type { TQuestionnaireDetail } from '@potreby/server/surveys/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { WARNING_COLOUR } from './colours';

type TLink = TQuestionnaireDetail['links'][number];
type TGroup = TAssessmentDetail['groups'][number];
const NO_GROUP = 'none';

export const publicUrl = (link: Pick<TLink, 'path'>) => `${window.location.origin}${link.path}`;
export const qrUrl = (questionnaireId: number, link: Pick<TLink, 'id'>) =>
  `/api/v1/questionnaires/${questionnaireId}/links/${link.id}/qr.svg?origin=${encodeURIComponent(window.location.origin)}`;

/**
 * Public links, one per respondent group: the address to send, its QR code to print, whether it
 * is open, and how many answered through it.
 */
export function CollectionPanel({ questionnaire, groups }: { questionnaire: TQuestionnaireDetail; groups: TGroup[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const [group, setGroup] = useState<string | null>(null);
  const [qrFor, setQrFor] = useState<TLink | null>(null);
  const editable = questionnaire.editable;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['questionnaire', questionnaire.id] });
    void queryClient.invalidateQueries({ queryKey: ['assessment'] });
  };

  const create = useMutation({
    mutationFn: (respondentGroupId: number | null) => api.post<TLink>(`/questionnaires/${questionnaire.id}/links`, { respondentGroupId }),
    onSuccess: async () => {
      await refresh();
      setGroup(null);
      notifications.show({ color: 'teal', message: t('collection.created') });
    },
  });
  const toggle = useMutation({
    mutationFn: ({ link, active }: { link: TLink; active: boolean }) => api.put(`/questionnaires/${questionnaire.id}/links/${link.id}`, { active }),
    onSuccess: refresh,
  });

  const groupName = (link: TLink) => link.respondentGroup?.name ?? t('collection.noGroup');
  const targetOf = (link: TLink) => groups.find((g) => g.id === link.respondentGroup?.id)?.targetRespondents ?? null;
  const withLink = new Set(questionnaire.links.filter((l) => l.active).map((l) => l.respondentGroup?.id ?? null));
  const groupOptions = [
    ...groups.map((g) => ({ value: String(g.id), label: withLink.has(g.id) ? t('collection.groupHasLink', { name: g.name }) : g.name })),
    { value: NO_GROUP, label: t('collection.noGroup') },
  ];

  return (
    <Stack gap="md" data-testid="collection">
      <Paper withBorder p="sm">
        <Title order={2} size="h4" mb={4}>
          {t('collection.title')}
        </Title>
        <Text size="sm" c="gray.7" mb="sm">
          {t('collection.intro')}
        </Text>
        {editable ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t('collection.group')}
              placeholder={t('collection.pickGroup')}
              data={groupOptions}
              value={group}
              onChange={setGroup}
              w={320}
              comboboxProps={{ withinPortal: true }}
              data-testid="link-group"
            />
            <Button
              leftSection={<IconLink size={16} aria-hidden />}
              disabled={group === null}
              loading={create.isPending}
              onClick={() => group !== null && create.mutate(group === NO_GROUP ? null : Number(group))}
              data-testid="create-link"
            >
              {t('collection.create')}
            </Button>
          </Group>
        ) : null}
        {groups.length === 0 ? (
          <Text size="sm" c="gray.7" mt="xs">
            {t('collection.noGroupsYet')}
          </Text>
        ) : null}
        <ErrorAlert error={create.error ?? toggle.error} />
      </Paper>

      <Paper withBorder p="sm">
        {questionnaire.links.length === 0 ? (
          <Text c="gray.7" ta="center" py="md" data-testid="links-empty">
            {t('collection.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={6} fz="sm" data-testid="links-table">
              <caption className="sr-only">{t('collection.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('collection.group')}</Table.Th>
                  <Table.Th scope="col">{t('collection.address')}</Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('collection.responses')}
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('collection.target')}
                  </Table.Th>
                  <Table.Th scope="col">{t('collection.open')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {questionnaire.links.map((link) => {
                  const url = publicUrl(link);
                  const target = targetOf(link);
                  return (
                    <Table.Tr key={link.id} data-testid="link-row" data-group={link.respondentGroup?.key ?? ''}>
                      <Table.Th scope="row" fw={600}>
                        {groupName(link)}
                      </Table.Th>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Group gap={4} wrap="nowrap">
                          <Anchor href={url} target="_blank" rel="noopener" size="sm" data-testid="link-url" c={link.active ? undefined : 'gray.7'}>
                            {url}
                          </Anchor>
                          <CopyButton value={url}>
                            {({ copied, copy }) => (
                              <Tooltip label={copied ? t('collection.copied') : t('collection.copy')}>
                                <ActionIcon variant="subtle" onClick={copy} aria-label={t('collection.copyFor', { name: groupName(link) })} data-testid="copy-link">
                                  {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                                </ActionIcon>
                              </Tooltip>
                            )}
                          </CopyButton>
                        </Group>
                      </Table.Td>
                      <Table.Td className="num" data-testid="link-responses">
                        {fmt.number(link.responses)}
                      </Table.Td>
                      <Table.Td className="num">{target ? fmt.number(target) : '—'}</Table.Td>
                      <Table.Td>
                        <Switch
                          checked={link.active}
                          onChange={(e) => toggle.mutate({ link, active: e.currentTarget.checked })}
                          disabled={!editable || toggle.isPending}
                          label={link.active ? t('collection.active') : t('collection.closed')}
                          aria-label={t('collection.openFor', { state: link.active ? t('collection.active') : t('collection.closed'), name: groupName(link) })}
                          data-testid="link-active"
                        />
                      </Table.Td>
                      <Table.Td>
                        <Button variant="default" size="xs" leftSection={<IconQrcode size={14} aria-hidden />} onClick={() => setQrFor(link)} aria-label={t('collection.qrFor', { name: groupName(link) })} data-testid="show-qr">
                          {t('collection.qr')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <Modal opened={qrFor !== null} onClose={() => setQrFor(null)} title={qrFor ? t('collection.qrTitle', { name: groupName(qrFor) }) : ''}>
        {qrFor ? (
          <Stack align="center" gap="sm" data-testid="qr-dialog">
            <Image
              src={qrUrl(questionnaire.id, qrFor)}
              alt={t('collection.qrAlt', { name: groupName(qrFor), url: publicUrl(qrFor) })}
              w={280}
              h={280}
              fit="contain"
              data-testid="qr-image"
            />
            <Text size="sm" style={{ overflowWrap: 'anywhere' }} ta="center">
              {publicUrl(qrFor)}
            </Text>
            {!qrFor.active ? (
              <Text size="sm" c={WARNING_COLOUR}>
                {t('collection.qrClosed')}
              </Text>
            ) : null}
            <Button
              component="a"
              href={qrUrl(questionnaire.id, qrFor)}
              download={`qr-${qrFor.respondentGroup?.key ?? 'link'}-${qrFor.id}.svg`}
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="download-qr"
            >
              {t('collection.downloadQr')}
            </Button>
            <Text size="xs" c="gray.7" ta="center">
              {t('collection.printHint')}
            </Text>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
