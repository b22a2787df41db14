import { Button, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TReviewedService, TReviewNotes } from '@potreby/server/services-review/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { ErrorAlert } from '../components/ErrorAlert';

type Values = Pick<TReviewNotes, 'results' | 'challenges' | 'goodPractices' | 'partner'>;
const FIELDS = ['results', 'challenges', 'goodPractices'] as const;

/** The forum's notes on one service: a form for those who write them, the text for everyone else. */
export function ServiceNotes({ municipalityId, year, service, mayEdit }: { municipalityId: number; year: number; service: TReviewedService; mayEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { notes } = service;
  const id = `${service.settlementId}-${service.siteKey}`;
  const form = useForm<Values>({ initialValues: { results: notes.results, challenges: notes.challenges, goodPractices: notes.goodPractices, partner: notes.partner } });

  const save = useMutation({
    mutationFn: (values: Values) => api.put<TReviewNotes>(`/services-review/${municipalityId}`, { settlementId: service.settlementId, siteKey: service.siteKey, year, ...values }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['services-review', municipalityId] });
      notifications.show({ color: 'teal', message: t('review.saved') });
    },
  });

  const updated = notes.updatedAt ? <Text size="xs" c="dimmed">{t('review.updatedAt', { date: format.dateTime(notes.updatedAt) })}</Text> : null;

  if (!mayEdit) {
    return (
      <Stack gap="xs" data-testid={`review-notes-${id}`}>
        {[...FIELDS, 'partner' as const].map((field) => (
          <div key={field}>
            <Text fw={600} size="sm">
              {t(`review.${field}`)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {notes[field] || '—'}
            </Text>
          </div>
        ))}
        {updated}
      </Stack>
    );
  }

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid={`review-notes-${id}`}>
      <Stack gap="xs">
        {FIELDS.map((field) => (
          <Textarea key={field} label={t(`review.${field}`)} autosize minRows={2} maxLength={4000} {...form.getInputProps(field)} data-testid={`review-${field}`} />
        ))}
        <TextInput label={t('review.partner')} maxLength={300} {...form.getInputProps('partner')} data-testid="review-partner" />
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <div>
          <Button type="submit" loading={save.isPending} data-testid="review-save">
            {t('review.save')}
          </Button>
        </div>
        {updated}
      </Stack>
    </form>
  );
}
