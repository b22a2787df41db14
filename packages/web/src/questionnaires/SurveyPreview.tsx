import { useMemo, useState } from 'react';
import { Alert, Box, Button, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Survey } from 'survey-react-ui';
import { languageName } from './languages';
import type { TRaw } from './survey-definition';
import { makeSurveyModel } from './survey-model';

/** The draft as a respondent sees it, in a language picked here; nothing answered is saved. */
export function SurveyPreview({ definition, languages }: { definition: TRaw; languages: string[] }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState(languages[0]!);
  const [round, setRound] = useState(0);
  const shown = languages.includes(language) ? language : languages[0]!;
  const model = useMemo(() => makeSurveyModel(definition, shown, languages, { completedPage: true }), [definition, shown, languages, round]);

  return (
    <Paper withBorder p="sm" data-testid="preview">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <NativeSelect
          label={t('designer.preview.language')}
          value={shown}
          onChange={(e) => setLanguage(e.currentTarget.value)}
          data={languages.map((l) => ({ value: l, label: languageName(l) }))}
          w={220}
          data-testid="preview-language"
        />
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => setRound((r) => r + 1)} data-testid="preview-restart">
          {t('designer.preview.restart')}
        </Button>
      </Group>
      <Alert color="blue" variant="light" mb="sm">
        <Text size="sm">{t('designer.preview.note')}</Text>
      </Alert>
      <Box className="potreby-survey" lang={shown} data-testid="preview-form">
        <Survey model={model} />
      </Box>
    </Paper>
  );
}
