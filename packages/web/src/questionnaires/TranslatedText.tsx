import { Badge, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WARNING_COLOUR } from './colours';
import { languageName } from './languages';
import type { TTexts } from './survey-definition';

/**
 * One text of the questionnaire in each of its languages: an input per language, the first
 * (default) language first; a text written in the default language but not yet in another is
 * marked "not translated".
 */
export function TranslatedText({
  label,
  texts,
  languages,
  onChange,
  multiline = false,
  required = false,
  error,
  readOnly = false,
  testId,
}: {
  label: string;
  texts: TTexts | undefined;
  languages: string[];
  onChange: (texts: TTexts) => void;
  multiline?: boolean;
  required?: boolean;
  error?: string | null;
  readOnly?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const value = texts ?? {};
  const first = languages[0]!;
  return (
    <Stack gap={6}>
      {languages.map((language, i) => {
        const untranslated = i > 0 && !!value[first]?.trim() && !value[language]?.trim();
        const inputLabel = (
          <Group gap={6} component="span" wrap="nowrap" display="inline-flex">
            <span>{t('designer.textIn', { what: label, language: languageName(language) })}</span>
            {i === 0 && languages.length > 1 ? (
              <Badge size="xs" variant="light" color="gray" component="span">
                {t('designer.defaultLanguage')}
              </Badge>
            ) : null}
            {untranslated ? (
              <Badge size="xs" variant="light" color={WARNING_COLOUR} component="span" data-testid="untranslated-badge">
                {t('designer.untranslated')}
              </Badge>
            ) : null}
          </Group>
        );
        const props = {
          label: inputLabel,
          value: value[language] ?? '',
          lang: language,
          required: required && i === 0,
          readOnly,
          error: i === 0 ? error : undefined,
          styles: untranslated ? { input: { borderColor: 'var(--mantine-color-orange-7)' } } : undefined,
          'data-testid': `${testId}-${language}`,
          onChange: (e: { currentTarget: { value: string } }) => onChange({ ...value, [language]: e.currentTarget.value }),
        };
        return multiline ? <Textarea key={language} autosize minRows={2} maxRows={8} {...props} /> : <TextInput key={language} {...props} />;
      })}
    </Stack>
  );
}
