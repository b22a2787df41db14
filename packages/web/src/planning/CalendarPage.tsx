import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, type TCountry } from '@potreby/domain';
import { api, ApiError } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListTable } from '../components/ListTable';
import { PageTitle } from '../components/PageTitle';
import { RowAction } from '../components/RowAction';

type Amendment = { id: number; date: string; working: boolean; note: string };
type WorkingCalendar = { country: TCountry; year: number; holidaysOff: boolean; holidays: { date: string; name: string; substitute: boolean }[]; amendments: Amendment[] };

/**
 * A country's working-day calendar for a year (issue 8, item 2): the public holidays the deadline
 * arithmetic knows, beside the amendments national administrators record (a working Saturday, a
 * one-off day off). Deadlines of rounds opened afterwards count with them.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const names = useNames();
  const format = useFormat();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [country, setCountry] = useState<TCountry>(((user?.territory as { country?: TCountry } | null)?.country ?? 'BG') as TCountry);
  const [year, setYear] = useState(new Date().getFullYear());
  const [date, setDate] = useState('');
  const [working, setWorking] = useState<'working' | 'off'>('working');
  const [note, setNote] = useState('');
  const key = ['working-days', country, year];
  const calendar = useQuery({ queryKey: key, queryFn: () => api.get<WorkingCalendar>('/planning/working-days', { country, year }), enabled: year >= 1990 && year <= 2200 });

  const add = useMutation({
    mutationFn: () => api.post<Amendment>('/planning/working-days', { country, date, working: working === 'working', note }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['working-days', country] });
      notifications.show({ color: 'teal', message: t('planningAdmin.amendmentAdded') });
      setDate('');
      setNote('');
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/planning/working-days/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['working-days', country] });
      notifications.show({ color: 'teal', message: t('planningAdmin.amendmentRemoved') });
    },
  });
  const addIssue = add.error instanceof ApiError ? (add.error.problem as { issues?: { message: string }[] }).issues?.[0]?.message : undefined;

  return (
    <>
      <PageTitle title={t('planningAdmin.calendarTitle')} />
      <Text mb="md" maw={820}>
        {t('planningAdmin.calendarIntro')}
      </Text>
      <Paper withBorder p="sm" mb="md">
        <Group align="flex-end" wrap="wrap">
          <Stack gap={4} style={{ flex: '1 1 260px', maxWidth: 420 }}>
            <Text size="sm" fw={500} id="calendar-country">
              {t('planningAdmin.country')}
            </Text>
            <SegmentedControl
              aria-labelledby="calendar-country"
              value={country}
              onChange={(v) => setCountry(v as TCountry)}
              data={COUNTRIES.map((c) => ({ value: c, label: names.country(c) }))}
              data-testid="calendar-country"
              fullWidth
              styles={{ label: { overflowWrap: 'normal', paddingInline: 6 } }}
              style={{ maxWidth: 420 }}
            />
          </Stack>
          <NumberInput label={t('planningAdmin.year')} value={year} min={1990} max={2200} allowDecimal={false} w={120} onChange={(v) => setYear(Number(v) || year)} data-testid="calendar-year" />
        </Group>
      </Paper>
      <ErrorAlert error={calendar.error} />
      {calendar.data && !calendar.data.holidaysOff ? (
        <Text size="sm" mb="sm" data-testid="holidays-worked">
          {t('planningTemplates.martialLaw', { defaultValue: '' })}
        </Text>
      ) : null}

      <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
        <Paper withBorder p="sm" component="section" aria-labelledby="calendar-holidays">
          <Title order={2} size="h4" id="calendar-holidays" mb="xs">
            {t('planningAdmin.holidays')}
          </Title>
          <ListTable query={calendar} count={calendar.data?.holidays.length ?? 0} empty={t('planningAdmin.noHolidays')} minWidth={0} testId="holidays-table" columns={[{ key: 'date', label: t('planningAdmin.date') }, { key: 'name', label: t('planningAdmin.holiday') }]}>
            {(calendar.data?.holidays ?? []).map((h) => (
              <Table.Tr key={`${h.date}-${h.name}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(h.date)}</Table.Td>
                <Table.Td>
                  {h.name}
                  {h.substitute ? (
                    <Badge ml="xs" size="sm" variant="outline" color="gray.8">
                      {t('planningAdmin.substitute')}
                    </Badge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </Paper>

        <Paper withBorder p="sm" component="section" aria-labelledby="calendar-amendments">
          <Title order={2} size="h4" id="calendar-amendments" mb="xs">
            {t('planningAdmin.amendments')}
          </Title>
          <ListTable
            query={calendar}
            count={calendar.data?.amendments.length ?? 0}
            empty={t('planningAdmin.noAmendments')}
            minWidth={0}
            testId="amendments-table"
            columns={[
              { key: 'date', label: t('planningAdmin.date') },
              { key: 'kind', label: t('planningAdmin.kind') },
              { key: 'actions', label: t('common.actions'), hidden: true },
            ]}
          >
            {(calendar.data?.amendments ?? []).map((a) => (
              <Table.Tr key={a.id} data-testid="amendment-row" data-date={a.date}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(a.date)}</Table.Td>
                <Table.Td>
                  {t(a.working ? 'planningAdmin.workingDay' : 'planningAdmin.dayOff')}
                  {a.note ? <Text size="xs">{a.note}</Text> : null}
                </Table.Td>
                <Table.Td>
                  <RowAction tooltip={t('planningAdmin.remove')} label={t('planningAdmin.removeDated', { date: format.date(a.date) })} icon={IconTrash} onClick={() => remove.mutate(a.id)} testId="remove-amendment" danger />
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          <ErrorAlert error={remove.error} />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate();
            }}
          >
            <Stack mt="md" gap="xs">
              <Title order={3} size="h5">
                {t('planningAdmin.addAmendment')}
              </Title>
              <TextInput type="date" label={t('planningAdmin.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required data-testid="amendment-date" />
              <SegmentedControl
                aria-label={t('planningAdmin.kind')}
                value={working}
                onChange={(v) => setWorking(v as 'working' | 'off')}
                data={[
                  { value: 'working', label: t('planningAdmin.workingDay') },
                  { value: 'off', label: t('planningAdmin.dayOff') },
                ]}
                data-testid="amendment-kind"
              />
              <TextInput label={t('planningAdmin.note')} description={t('planningAdmin.noteHelp')} value={note} maxLength={500} onChange={(e) => setNote(e.currentTarget.value)} data-testid="amendment-note" />
              {addIssue ? (
                <Text size="sm" c="red.8" role="alert">
                  {t(`common.fieldErrors.${addIssue}`, { defaultValue: t('common.fieldErrors.invalid') })}
                </Text>
              ) : (
                <ErrorAlert error={add.error} />
              )}
              <Group>
                <Button type="submit" loading={add.isPending} disabled={!date} data-testid="add-amendment">
                  {t('planningAdmin.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </SimpleGrid>
    </>
  );
}
