import { useEffect, type FormEvent, type ReactNode } from 'react';
import { Modal, Stack, type MantineSize } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FieldErrors } from '../app/validation';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSavePart, type TPartName } from './assessment-queries';
import { assessmentServerErrors, validateAssessmentPart } from './field-errors';

/** Which part a form's modal edits (`partId` null adds one), and whether it is open. */
type PartTarget = { assessmentId: number; part: TPartName; partId: number | null; opened: boolean; onClose: () => void };

/** What the modal of a part's form needs from `usePartForm`. */
type PartFormState = { opened: boolean; onClose: () => void; onSubmit: (event?: FormEvent<HTMLFormElement>) => void; saving: boolean; error: unknown };

/**
 * The form of one part of an assessment (a member, measure, method, respondent group or finding) in
 * its modal: checked against the domain schema, saved as a new part or over `partId`, the server's
 * field errors shown on their fields and any other failure above the form.
 */
export function usePartForm<V extends Record<string, unknown>, S extends z.ZodType>(
  { assessmentId, part, partId, opened, onClose }: PartTarget,
  /** The form itself. */
  {
    initialValues,
    schema,
    toInput = (values) => values,
    validate,
    savedMessage,
    duplicateField,
    resetWhen,
  }: {
    /** The values the form starts from, each time it opens. */
    initialValues: V;
    schema: S;
    /** The values as the schema takes them; without it, the values themselves. */
    toInput?: (values: V) => Record<string, unknown>;
    /** Rules of the form's own on top of the schema's: gets the schema's errors, returns them all. */
    validate?: (values: V, errors: FieldErrors) => FieldErrors;
    savedMessage: (values: V) => string;
    /** The field that a duplicate (the server's conflict.duplicate) is shown on; without it, the error shows above the form. */
    duplicateField?: (values: V) => string;
    /** Something besides the opening and the part that starts the form afresh when it changes. */
    resetWhen?: unknown;
  },
) {
  const { t } = useTranslation();
  const save = useSavePart<z.output<S>>(assessmentId, part);
  const form = useForm<V>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const errors = validateAssessmentPart(schema, toInput(values), t);
      return validate ? validate(values, errors) : errors;
    },
  });

  // Each opening starts from the part as it is now, without the errors of the last attempt.
  useEffect(() => {
    if (!opened) return;
    form.setValues(initialValues);
    form.clearErrors();
    save.reset();
  }, [opened, partId, resetWhen]);

  const onSubmit = form.onSubmit((values) =>
    save.mutate(
      { partId, input: schema.parse(toInput(values)) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: savedMessage(values) });
          onClose();
        },
        onError: (error) => {
          const fields = assessmentServerErrors(error, t, duplicateField?.(values));
          if (fields) form.setErrors(fields);
        },
      },
    ),
  );
  // What lands on a field is not repeated above the form.
  const error = save.error && !assessmentServerErrors(save.error, t, duplicateField?.(form.values)) ? save.error : null;

  const modal: PartFormState = { opened, onClose, onSubmit, saving: save.isPending, error };
  return { form, modal };
}

/** The modal around a part's fields: the failure that belongs to no field, then the fields, then cancel and save. */
export function PartFormModal({
  opened,
  onClose,
  onSubmit,
  saving,
  error,
  title,
  size,
  testId,
  saveTestId,
  children,
}: PartFormState & { title: string; size?: MantineSize; testId: string; saveTestId: string; children: ReactNode }) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form onSubmit={onSubmit} noValidate data-testid={testId}>
        <Stack gap="sm">
          <ErrorAlert error={error} />
          {children}
          <DialogActions onCancel={onClose} submit confirmTestId={saveTestId} loading={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
