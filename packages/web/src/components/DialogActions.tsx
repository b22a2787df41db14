import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The confirm button either submits the dialog's form or runs a handler of its own. */
type Confirm = { submit: true; onConfirm?: never } | { onConfirm: () => void; submit?: never };

export type DialogActionsProps = Confirm & {
  /** Closes the dialog without doing anything. */
  onCancel: () => void;
  /** The cancel button's text; "Cancel" by default, "Close" when read-only. */
  cancelLabel?: string;
  cancelTestId?: string;
  /** Only a Close button: the dialog shows something that may not be changed. */
  readOnly?: boolean;
  /** The confirm button's text; "Save" by default. */
  confirmLabel?: string;
  confirmTestId: string;
  loading?: boolean;
  disabled?: boolean;
  /** Red, for what deletes or throws work away. */
  danger?: boolean;
  icon?: ReactNode;
};

/**
 * The buttons at the foot of a dialog, right-aligned: a plain Cancel and the confirm button
 * (Save, Delete …) that does what the dialog is for.
 */
export function DialogActions({ onCancel, cancelLabel, cancelTestId, readOnly = false, confirmLabel, confirmTestId, loading, disabled, danger = false, icon, submit, onConfirm }: DialogActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} data-testid={cancelTestId}>
        {cancelLabel ?? (readOnly ? t('common.close') : t('common.cancel'))}
      </Button>
      {readOnly ? null : (
        <Button type={submit ? 'submit' : 'button'} onClick={onConfirm} color={danger ? 'red.9' : undefined} leftSection={icon} loading={loading} disabled={disabled} data-testid={confirmTestId}>
          {confirmLabel ?? t('common.save')}
        </Button>
      )}
    </Group>
  );
}
