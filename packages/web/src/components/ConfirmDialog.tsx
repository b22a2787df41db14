import { Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { DialogActions } from './DialogActions';
import { ErrorAlert } from './ErrorAlert';

/**
 * The question asked before a step that is not undone with a click (deleting, copying a year,
 * resetting a password): the question, why the last attempt failed if it did, then Cancel and
 * the step itself. `onClose` runs on Cancel and on closing the dialog any other way.
 */
export function ConfirmDialog({
  opened,
  onClose,
  title,
  question,
  error,
  onConfirm,
  confirmLabel,
  confirmTestId,
  loading,
  danger = false,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  question: ReactNode;
  /** The failed attempt's error, shown above the buttons. */
  error: unknown;
  onConfirm: () => void;
  confirmLabel: string;
  confirmTestId: string;
  loading: boolean;
  /** Red, for what deletes. */
  danger?: boolean;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Text>{question}</Text>
        <ErrorAlert error={error} />
        <DialogActions onCancel={onClose} onConfirm={onConfirm} confirmLabel={confirmLabel} confirmTestId={confirmTestId} loading={loading} danger={danger} />
      </Stack>
    </Modal>
  );
}
