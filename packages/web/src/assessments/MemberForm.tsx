import { Checkbox, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZMemberInput } from '@potreby/domain';
import type { TAssessmentDetail } from '@potreby/server/assessments/schema';
import { PartFormModal, usePartForm } from './PartForm';

type TMember = TAssessmentDetail['members'][number];
type FormValues = { name: string; organisation: string; role: string; chair: boolean };

const initialValues = (m: TMember | null): FormValues => ({ name: m?.name ?? '', organisation: m?.organisation ?? '', role: m?.role ?? '', chair: m?.chair ?? false });

/** Add a member of the working group or change one; naming a chair makes the previous one a member. */
export function MemberForm({ assessment, member, opened, onClose }: { assessment: TAssessmentDetail; member: TMember | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, modal } = usePartForm(
    { assessmentId: assessment.id, part: 'members', partId: member?.id ?? null, opened, onClose },
    { initialValues: initialValues(member), schema: ZMemberInput, savedMessage: (values) => t('workingGroup.saved', { name: values.name.trim() }) },
  );
  const currentChair = assessment.members.find((m) => m.chair && m.id !== member?.id);

  return (
    <PartFormModal {...modal} title={t(member ? 'workingGroup.editTitle' : 'workingGroup.addTitle')} testId="member-form" saveTestId="member-save">
      <TextInput label={t('workingGroup.name')} required {...form.getInputProps('name')} data-testid="member-name" />
      <TextInput label={t('workingGroup.organisation')} description={t('workingGroup.organisationHint')} required {...form.getInputProps('organisation')} data-testid="member-organisation" />
      <TextInput label={t('workingGroup.role')} description={t('workingGroup.roleHint')} required {...form.getInputProps('role')} data-testid="member-role" />
      <Checkbox
        label={t('workingGroup.chair')}
        description={form.values.chair && currentChair ? t('workingGroup.chairReplaces', { name: currentChair.name }) : t('workingGroup.chairHint')}
        {...form.getInputProps('chair', { type: 'checkbox' })}
        data-testid="member-chair"
      />
    </PartFormModal>
  );
}
