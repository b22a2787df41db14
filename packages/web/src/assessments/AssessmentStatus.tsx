import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ASSESSMENT_STATUSES } from '@potreby/domain';
import { SUCCESS_COLOUR, WARNING_COLOUR } from '../questionnaires/colours';

const COLOURS: Record<(typeof ASSESSMENT_STATUSES)[number], string> = { planning: 'gray', collecting: 'blue', analysing: WARNING_COLOUR, reported: SUCCESS_COLOUR };

/** Where an assessment stands, in words (the colour only repeats it). */
export function AssessmentStatus({ status }: { status: (typeof ASSESSMENT_STATUSES)[number] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLOURS[status]} data-testid="assessment-status-badge">
      {t(`assessments.statuses.${status}`)}
    </Badge>
  );
}
