import { useState } from 'react';
import { Button, Paper, Radio, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MAYOR_POSITIONS, type TMayorPosition } from '@potreby/domain/planning/agreement';
import { api } from '../api/client';
import { useNames } from '../app/names';
import { ErrorAlert } from '../components/ErrorAlert';
import type { TVersionView } from './agreement-queries';
import type { RoundUnit } from './round-parts';

type Position = TVersionView['positions'][number];

/**
 * A municipality's position on the newest draft: agrees; objects, with the reason; or signed,
 * with the council's decision number and date. The server checks the same and decides.
 */
export function AgreementPositionForm({ version, municipality, current, onSaved }: { version: TVersionView; municipality: RoundUnit; current: Position | null; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const names = useNames();
  const [position, setPosition] = useState<TMayorPosition>(current?.position ?? 'agrees');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [decisionNumber, setDecisionNumber] = useState(current?.decisionNumber ?? '');
  const [decisionDate, setDecisionDate] = useState(current?.decisionDate ?? '');
  const [signatoryName, setSignatoryName] = useState(current?.signatoryName ?? '');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.put(`/planning/agreements/${version.id}/position`, {
        municipalityId: municipality.id,
        position,
        reason: position === 'objects' ? reason : '',
        decisionNumber: position === 'signed' ? decisionNumber : null,
        decisionDate: position === 'signed' ? decisionDate : null,
        signatoryName,
      }),
    onSuccess: onSaved,
  });
  const missing = (value: string, when: TMayorPosition) => (tried && position === when && !value.trim() ? t('common.fieldErrors.required') : null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (position === 'objects' && !reason.trim()) return;
    if (position === 'signed' && (!decisionNumber.trim() || !decisionDate)) return;
    save.mutate();
  };

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate data-testid="agreement-position-form" maw={560}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('agreement.yourPosition', { name: names.territory(municipality) })}
        </Title>
        <Radio.Group value={position} onChange={(v) => setPosition(v as TMayorPosition)} label={t('agreement.positionTitle')}>
          <Stack gap={6} mt={4}>
            {MAYOR_POSITIONS.map((p) => (
              <Radio key={p} value={p} label={t(`agreement.position.${p}`)} data-testid={`agreement-position-${p}`} />
            ))}
          </Stack>
        </Radio.Group>
        {position === 'objects' ? (
          <Textarea label={t('agreement.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={missing(reason, 'objects')} autosize minRows={2} maxLength={4000} data-testid="agreement-reason" />
        ) : null}
        {position === 'signed' ? (
          <>
            <TextInput label={t('agreement.decisionNumber')} required value={decisionNumber} onChange={(e) => setDecisionNumber(e.currentTarget.value)} error={missing(decisionNumber, 'signed')} maxLength={100} data-testid="agreement-decision-number" />
            <TextInput label={t('agreement.decisionDate')} required type="date" value={decisionDate} onChange={(e) => setDecisionDate(e.currentTarget.value)} error={missing(decisionDate, 'signed')} data-testid="agreement-decision-date" />
          </>
        ) : null}
        <TextInput label={t('agreement.signatoryName')} value={signatoryName} onChange={(e) => setSignatoryName(e.currentTarget.value)} maxLength={200} data-testid="agreement-signatory" />
        <ErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} data-testid="agreement-save" style={{ alignSelf: 'flex-start' }}>
          {t('agreement.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
