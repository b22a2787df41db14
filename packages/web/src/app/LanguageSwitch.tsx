import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '@potreby/i18n';
import { useSession } from './session';

/** Each language named in itself, so anyone can find theirs whatever the UI shows now. */
export const LANGUAGE_NAMES = { bg: 'Български', uk: 'Українська', pl: 'Polski', en: 'English' } as const;

/** The UI language; a native select so it works the same with a keyboard, a screen reader and a phone. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { setLanguage } = useSession();
  return (
    <NativeSelect
      label={t('language.label')}
      size="xs"
      value={i18n.language}
      onChange={(e) => {
        const v = e.currentTarget.value;
        if (isLanguage(v)) void setLanguage(v);
      }}
      data-testid="language-switch"
      styles={compact ? { root: { display: 'flex', alignItems: 'center', gap: 6 }, label: { whiteSpace: 'nowrap' } } : undefined}
    >
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </NativeSelect>
  );
}
