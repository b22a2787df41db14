/**
 * SurveyJS and what comes with it (its styles, its words in our languages), fetched by the public
 * form as a file of its own: in the background once the first question is drawn without it
 * (first-page.ts), or at once when the first page needs SurveyJS to be drawn.
 */
export { Survey } from 'survey-react-ui';
export { makeSurveyModel, newSubmissionKey } from '../questionnaires/survey-model';
