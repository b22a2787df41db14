import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf, IconLock, IconWriting } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currencySign } from '@potreby/i18n';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import { SUCCESS_COLOUR } from '../questionnaires/colours';
import { AgreementCompare } from './AgreementCompare';
import { AgreementPositionForm } from './AgreementPositionForm';
import { agreementKeys, useAgreementVersion, useAgreementVersions, type TVersionView } from './agreement-queries';
import { mayOpenRounds } from './round-access';
import type { RoundTabProps } from './round-parts';

/**
 * The mayors' agreement of a round (issue 8, item 11): the chosen version (the newest by default)
 * with its number, status and content fingerprint, the parties and their positions, the shared
 * services; the region generates a draft, each municipality's officer records its position.
 */
export function AgreementTab({ round, municipalities }: RoundTabProps) {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const versions = useAgreementVersions(round.id);
  const [picked, setPicked] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = versions.data?.items ?? [];
  const newest = list[0] ?? null;
  const chosenId = picked ?? newest?.id ?? null;
  const version = useAgreementVersion(chosenId);
  const v = version.data;

  const generate = useMutation({
    mutationFn: () => api.post<TVersionView & { created: boolean }>(`/planning/rounds/${round.id}/agreement`, {}),
    onSuccess: async (made) => {
      setNotice(made.created ? t('agreement.generated', { number: made.number }) : t('agreement.sameVersion', { number: made.number }));
      setPicked(null);
      await queryClient.invalidateQueries({ queryKey: agreementKeys.versions(round.id) });
    },
  });

  // In the reader's language where the round's municipalities are known; else as the version names it.
  const name = (id: number) => {
    const m = municipalities.find((x) => x.id === id);
    return m ? names.territory(m) : (v?.content.parties.find((p) => p.municipalityId === id)?.name ?? String(id));
  };
  const own = user?.role === 'municipal_officer' ? (municipalities.find((m) => m.id === user.territory?.id) ?? null) : null;
  const positionOf = (id: number) => v?.positions.find((p) => p.municipalityId === id) ?? null;
  const isNewest = v !== undefined && newest !== null && v.id === newest.id;
  const money = (x: number | null) => (x === null ? t('agreement.noCost') : fmt.number(Math.round(x)));

  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7" maw={820}>
        {t('agreement.intro')}
      </Text>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        {list.length > 0 ? (
          <Select
            label={t('agreement.versionPicker')}
            data={list.map((x) => ({ value: String(x.id), label: `${t('agreement.version', { number: x.number })} — ${t(`agreement.status.${x.status}`)}` }))}
            value={chosenId === null ? null : String(chosenId)}
            onChange={(value) => setPicked(value === null ? null : Number(value))}
            allowDeselect={false}
            maw={360}
            data-testid="agreement-version"
          />
        ) : (
          <Text data-testid="agreement-none">{t('agreement.noVersions')}</Text>
        )}
        {mayOpenRounds(user) ? (
          <Button leftSection={<IconWriting size={16} aria-hidden />} onClick={() => generate.mutate()} loading={generate.isPending} data-testid="agreement-generate">
            {t('agreement.generate')}
          </Button>
        ) : null}
      </Group>
      {notice ? (
        <Alert color={SUCCESS_COLOUR} role="status" data-testid="agreement-notice" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      <ErrorAlert error={generate.error ?? versions.error ?? version.error} />

      {v ? (
        <>
          <Paper withBorder p="sm">
            <Group gap="xs" wrap="wrap">
              <Title order={3} size="h4" data-testid="agreement-number">
                {t('agreement.version', { number: v.number })}
              </Title>
              <Badge variant={v.status === 'signed' ? 'filled' : 'light'} color={v.status === 'signed' ? SUCCESS_COLOUR : 'indigo'} leftSection={v.status === 'signed' ? <IconLock size={12} aria-hidden /> : null} data-testid="agreement-status">
                {t(`agreement.status.${v.status}`)}
              </Badge>
            </Group>
            <Text size="sm" mt={4}>
              {t('agreement.hash')}: <Code title={v.contentHash} data-testid="agreement-hash">{v.contentHash.slice(0, 12)}</Code>
            </Text>
            <Group gap="xs" mt="sm">
              <Text size="sm">{t('agreement.download')}:</Text>
              {(['docx', 'pdf'] as const).map((format) => (
                <Button
                  key={format}
                  component="a"
                  href={`/api/v1/planning/agreements/${v.id}/document/${format}`}
                  download
                  variant="default"
                  size="xs"
                  leftSection={format === 'docx' ? <IconFileTypeDocx size={14} aria-hidden /> : <IconFileTypePdf size={14} aria-hidden />}
                  data-testid={`agreement-${format}`}
                >
                  {t(`agreement.${format}`)}
                </Button>
              ))}
            </Group>
          </Paper>
          {v.status === 'signed' ? (
            <Alert color={SUCCESS_COLOUR} icon={<IconLock size={16} aria-hidden />} data-testid="agreement-frozen">
              {t('agreement.frozen')}
            </Alert>
          ) : !isNewest ? (
            <Alert color="gray">{t('agreement.superseded')}</Alert>
          ) : null}

          <Title order={3} size="h4">
            {t('agreement.parties')}
          </Title>
          <ListTable
            query={version}
            count={v.content.parties.length}
            empty={t('agreement.noVersions')}
            emptyTestId="agreement-parties-empty"
            minWidth={560}
            testId="agreement-parties"
            columns={[
              { key: 'municipality', label: t('agreement.municipality') },
              { key: 'mayor', label: t('agreement.mayor') },
              { key: 'position', label: t('agreement.positionTitle') },
            ]}
          >
            {v.content.parties.map((p) => {
              const pos = positionOf(p.municipalityId);
              return (
                <Table.Tr key={p.municipalityId} data-testid="agreement-party" data-municipality={p.code}>
                  <Table.Td>{name(p.municipalityId)}</Table.Td>
                  <Table.Td>{p.mayorName ? names.dataText(p.mayorName) : <Text span c="gray.7" size="sm">{t('agreement.mayorUnknown')}</Text>}</Table.Td>
                  <Table.Td data-testid="agreement-position" data-position={pos?.position ?? 'none'}>
                    <Text span fw={pos ? 600 : 400} size="sm">
                      {t(`agreement.position.${pos?.position ?? 'none'}`)}
                    </Text>
                    {pos?.position === 'objects' ? <Text size="sm">{pos.reason}</Text> : null}
                    {pos?.position === 'signed' && pos.decisionNumber && pos.decisionDate ? (
                      <Text size="sm">{t('agreement.decision', { number: pos.decisionNumber, date: fmt.date(pos.decisionDate) })}</Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </ListTable>

          {own && v.status === 'draft' && isNewest ? (
            <AgreementPositionForm
              key={`${v.id}-${own.id}`}
              version={v}
              municipality={own}
              current={positionOf(own.id)}
              onSaved={async () => {
                setNotice(t('agreement.saved'));
                await queryClient.invalidateQueries({ queryKey: agreementKeys.version(v.id) });
                await queryClient.invalidateQueries({ queryKey: agreementKeys.versions(round.id) });
              }}
            />
          ) : null}

          <Title order={3} size="h4">
            {t('agreement.services')}
          </Title>
          <ListTable
            query={version}
            count={v.content.services.length}
            empty={t('agreement.noServices')}
            emptyTestId="agreement-services-empty"
            minWidth={640}
            testId="agreement-services"
            columns={[
              { key: 'type', label: t('agreement.serviceType') },
              { key: 'host', label: t('agreement.host') },
              { key: 'year', label: t('agreement.startYear'), numeric: true },
              { key: 'municipality', label: t('agreement.municipality') },
              { key: 'places', label: t('agreement.placesHeader'), numeric: true },
              { key: 'cost', label: t('agreement.costShare', { currency: currencySign(fmt.language, v.content.currency) }), numeric: true },
            ]}
          >
            {v.content.services.flatMap((s) =>
              s.parts.map((p, i) => (
                <Table.Tr key={`${s.itemId}-${p.municipalityId}`} data-testid="agreement-service-part">
                  <Table.Td>{i === 0 ? names.serviceType(s.serviceType) : ''}</Table.Td>
                  <Table.Td>{i === 0 ? name(s.host) : ''}</Table.Td>
                  <Table.Td className="num">{i === 0 ? s.startYear : ''}</Table.Td>
                  <Table.Td>{p.host ? `${name(p.municipalityId)} (${t('agreement.host')})` : name(p.municipalityId)}</Table.Td>
                  <Table.Td className="num">{`${fmt.number(p.places)} ${t(`agreement.unit.${s.unit}`)}`}</Table.Td>
                  <Table.Td className="num">{money(p.cost)}</Table.Td>
                </Table.Tr>
              )),
            )}
          </ListTable>
        </>
      ) : null}

      <AgreementCompare round={round} versions={list} name={name} />
    </Stack>
  );
}
