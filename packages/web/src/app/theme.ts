import { createTheme, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';
import type { TFunction } from 'i18next';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/**
 * Mantine's defaults with contrast raised to WCAG AA: filled buttons and links use shade 8
 * (blue-8 on white is 5.0:1, the default shade 6 only 3.6:1), dimmed text is gray-7 (8.2:1),
 * error text red-9. Icon-only close buttons get a name in the current language, so the theme
 * is rebuilt when the language changes.
 */
export function makeTheme(t: TFunction): MantineThemeOverride {
  const close = { 'aria-label': t('common.close') };
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'sm',
    fontFamily: FONT,
    headings: { fontFamily: FONT },
    components: {
      // Plain objects, not `Modal.extend(…)`: naming the components here would put them (and
      // their code) in the first download of every screen, the public questionnaire's too.
      Notification: { defaultProps: { closeButtonProps: close } },
      Modal: { defaultProps: { closeButtonProps: close } },
      Drawer: { defaultProps: { closeButtonProps: close } },
    },
  });
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    // Field errors: red-6 is 3.3:1 on white, red-9 is 5.5:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
