import { useEffect } from 'react';
import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ZMemberInput, type TMemberInput } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSavePart } from './assessment-queries';
import { assessmentServerErrors, validateAssessmentPart } from './field-errors';

type TMember = TAssessmentDetail['members'][number];
type FormValues = { name: string; organisation: string; role: string; chair: boolean };

const initialValues = (m: TMember | null): FormValues => ({ name: m?.name ?? '', organisation: m?.organisation ?? '', role: m?.role ?? '', chair: m?.chair ?? false });

/** Add a member of the working group or change one; naming a chair makes the previous one a member. */
export function MemberForm({ assessment, member, opened, onClose }: { assessment: TAssessmentDetail; member: TMember | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSavePart<TMemberInput>(assessment.id, 'members');
  const form = useForm<FormValues>({ mode: 'controlled', initialValues: initialValues(member), validate: (v) => validateAssessmentPart(ZMemberInput, v, t) });
  const currentChair = assessment.members.find((m) => m.chair && m.id !== member?.id);

  useEffect(() => {
    if (!opened) return;
    form.setValues(initialValues(member));
    form.clearErrors();
    save.reset();
  }, [opened, member?.id]);

  const submit = form.onSubmit((values) =>
    save.mutate(
      { partId: member?.id ?? null, input: ZMemberInput.parse(values) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('workingGroup.saved', { name: values.name.trim() }) });
          onClose();
        },
        onError: (error) => {
          const fields = assessmentServerErrors(error, t);
          if (fields) form.setErrors(fields);
        },
      },
    ),
  );
  const serverError = save.error && !assessmentServerErrors(save.error, t) ? save.error : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t(member ? 'workingGroup.editTitle' : 'workingGroup.addTitle')}>
      <form onSubmit={submit} noValidate data-testid="member-form">
        <Stack gap="sm">
          <ErrorAlert error={serverError} />
          <TextInput label={t('workingGroup.name')} required {...form.getInputProps('name')} data-testid="member-name" />
          <TextInput label={t('workingGroup.organisation')} description={t('workingGroup.organisationHint')} required {...form.getInputProps('organisation')} data-testid="member-organisation" />
          <TextInput label={t('workingGroup.role')} description={t('workingGroup.roleHint')} required {...form.getInputProps('role')} data-testid="member-role" />
          <Checkbox
            label={t('workingGroup.chair')}
            description={form.values.chair && currentChair ? t('workingGroup.chairReplaces', { name: currentChair.name }) : t('workingGroup.chairHint')}
            {...form.getInputProps('chair', { type: 'checkbox' })}
            data-testid="member-chair"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="member-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
