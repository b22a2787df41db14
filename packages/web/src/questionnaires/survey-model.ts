// The stylesheet without its @font-face rules: those load Open Sans from Google's servers, which the
// Content-Security-Policy refuses on purpose (a respondent's visit is nobody else's business).
import 'survey-core/survey-core.fontless.min.css';
// SurveyJS's own words (Next, Complete, "Response required") in our languages; English is built in.
import 'survey-core/i18n/bulgarian';
import 'survey-core/i18n/polish';
import 'survey-core/i18n/ukrainian';
import './survey-form.css';
import { Model } from 'survey-core';
import { safeHtml } from './safe-html';
import { localiseDefinition, type TRaw } from './survey-definition';

/**
 * SurveyJS's model, with every piece of HTML it renders (notes, the completed page, the loading
 * text) cleaned last, after SurveyJS has put answers and default values into it: the server
 * cleans what it stores, but `Hello {name}` only becomes HTML here (security review, issue 6).
 */
class SafeModel extends Model {
  override processHtml(html: string, reason?: string): string {
    return safeHtml(super.processHtml(html, reason));
  }
}

/**
 * SurveyJS's default theme with contrast raised to WCAG AA, in the app's colours: its green
 * (#19B394) under white text is 2.6:1, Mantine's blue-8 is 5.0:1; secondary and tertiary texts
 * (60 % and 40 % black) become solid greys of 9.6:1 and 5.9:1.
 */
const ACCESSIBLE_THEME = {
  themeName: 'potreby',
  colorPalette: 'light',
  isPanelless: false,
  cssVariables: {
    '--sjs2-color-project-brand-600': '#1971c2',
    '--sjs2-color-project-brand-700': '#1864ab',
    '--sjs2-color-project-brand-800': '#174a7c',
    '--sjs2-color-fg-basic-secondary': '#414045',
    '--sjs2-color-fg-basic-tertiary': '#565558',
    '--sjs2-typography-font-family-text': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  },
};

/**
 * A SurveyJS model of a definition in one language: texts picked for that language (falling
 * back to the questionnaire's first), SurveyJS's buttons and messages in it too.
 */
export function makeSurveyModel(definition: TRaw, language: string, languages: string[], options: { completedPage?: boolean } = {}): Model {
  const model = new SafeModel(localiseDefinition(definition, language, languages));
  model.locale = language;
  model.applyTheme(ACCESSIBLE_THEME);
  // An answer is cleared as soon as its question is hidden, also when the question it depends on
  // is hidden in turn: the server refuses (paper) or drops (public form) answers to questions the
  // form would not have asked, and SurveyJS's clearing on completion misses that chain.
  model.clearInvisibleValues = 'onHidden';
  // The pages after completion are ours (sent / saved on this device / next paper form).
  if (!options.completedPage) model.showCompletedPage = false;
  // …so a finished form goes nowhere: not away from answers still being sent, not to a
  // `javascript:` address (SurveyJS's own check misses `java\tscript:`).
  model.onNavigateToUrl.add((_, navigation) => {
    navigation.allow = false;
  });
  return model;
}

/** A submission key the server uses to store a resent answer once: 32 hex digits, no dashes. */
export function newSubmissionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replaceAll('-', '');
  // Pages served over plain http on a local network have no randomUUID; getRandomValues works there.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
