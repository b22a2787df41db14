import { Button, Group } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type TDocument = 'plan' | 'report' | 'passport';

export const documentHref = (assessmentId: number, document: TDocument, format: 'docx' | 'pdf') => `/api/v1/assessments/${assessmentId}/documents/${document}/${format}`;

/** Download one of the assessment's documents as DOCX (to edit) or PDF (to publish), in the assessment's language. */
export function DocumentLinks({ assessmentId, document }: { assessmentId: number; document: TDocument }) {
  const { t } = useTranslation();
  const what = t(`assessments.documents.${document}`);
  return (
    <Group gap="xs" wrap="nowrap" data-testid={`document-${document}`}>
      <Button
        component="a"
        href={documentHref(assessmentId, document, 'docx')}
        download
        variant="default"
        size="xs"
        leftSection={<IconFileTypeDocx size={14} aria-hidden />}
        aria-label={t('common.downloadAs', { what, format: 'Word (DOCX)' })}
        data-testid={`document-${document}-docx`}
      >
        DOCX
      </Button>
      <Button
        component="a"
        href={documentHref(assessmentId, document, 'pdf')}
        download
        variant="default"
        size="xs"
        leftSection={<IconFileTypePdf size={14} aria-hidden />}
        aria-label={t('common.downloadAs', { what, format: 'PDF' })}
        data-testid={`document-${document}-pdf`}
      >
        PDF
      </Button>
    </Group>
  );
}
