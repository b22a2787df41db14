import { useState } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZCopyYearResult } from '@potreby/server/service-sites/schema';
import { api } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';

type TCopyYearResult = z.infer<typeof ZCopyYearResult>;

/**
 * "Start next year from this one": copies the shown year's sites of the chosen territory to the
 * following year (or to `toYear`: a year begun site by site, started from the last complete one),
 * then shows that year. Users, waiting list and vacancies are left to fill in.
 */
export function CopyYear({
  territoryId,
  territoryName,
  year,
  toYear = year + 1,
  label,
  onCopied,
}: {
  territoryId: number;
  territoryName: string;
  year: number;
  toYear?: number;
  /** The button's text, where "from this year" would not say which. */
  label?: string;
  onCopied: (toYear: number) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const copy = useMutation({
    mutationFn: () => api.post<TCopyYearResult>('/service-sites/copy-year', { territoryId, fromYear: year, toYear }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['service-sites'] });
      await queryClient.invalidateQueries({ queryKey: ['gaps'] });
      notifications.show({
        color: 'teal',
        message: [
          t('registry.copyYear.done', { count: result.copied, year: toYear }),
          result.alreadyThere ? t('registry.copyYear.alreadyThere', { count: result.alreadyThere }) : '',
        ].join(' '),
      });
      setOpened(false);
      copy.reset();
      onCopied(toYear);
    },
  });
  return (
    <>
      {/* Its text may be longer than a phone is wide: it wraps rather than pushing the page sideways. */}
      <Button
        variant="default"
        leftSection={<IconCopy size={16} aria-hidden />}
        onClick={() => setOpened(true)}
        h="auto"
        mih={36}
        py={6}
        maw="100%"
        styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
        data-testid="copy-year"
      >
        {label ?? t('registry.copyYear.button', { year: toYear })}
      </Button>
      <ConfirmDialog
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('registry.copyYear.title', { from: year, to: toYear })}
        question={t('registry.copyYear.explain', { territory: territoryName, from: year, to: toYear })}
        error={copy.error}
        onConfirm={() => copy.mutate()}
        confirmLabel={t('registry.copyYear.confirm', { year: toYear })}
        confirmTestId="confirm-copy-year"
        loading={copy.isPending}
      />
    </>
  );
}
