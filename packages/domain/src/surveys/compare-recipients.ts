import { wilsonInterval, Z_95 } from './wilson-interval';

/** One respondent's answers about one service type; null = not asked or not answered. */
export type RecipientAnswers = {
  /** Uses the service now (tagged "current use"). */
  uses: boolean | null;
  /** Needs it (tagged "need"). */
  needs: boolean | null;
  /** Is satisfied with it (tagged "satisfaction"). */
  satisfied: boolean | null;
};

/** A count out of the respondents asked, with its share and 95 % Wilson interval. */
export type ShareOfRespondents = {
  /** Respondents in this view who answered the question. */
  respondents: number;
  /** Of those, how many said yes. */
  count: number;
  share: number;
  low: number;
  high: number;
};

/**
 * The two views of a service that Ukraine's needs-determination procedure asks for (Order of the
 * Ministry of Social Policy No. 130-Н of 19.04.2023): the need of potential recipients beside the
 * satisfaction of current recipients.
 */
export type RecipientsView = {
  /** Respondents not using the service now: how many of them need it. */
  potential: ShareOfRespondents;
  /** Respondents using the service now: how many of them are satisfied with it. */
  current: ShareOfRespondents;
  /** All respondents given. */
  respondents: number;
  /** Respondents whose use of the service is unknown: they are in neither view. */
  useUnknown: number;
};

function shareOf(yes: number, asked: number, z: number): ShareOfRespondents {
  const { p, low, high } = wilsonInterval(yes, asked, z);
  return { respondents: asked, count: yes, share: p, low, high };
}

/**
 * Splits the respondents by whether they use the service now. Among those who do not, the need
 * is counted; among those who do, the satisfaction. A non-user's answer about satisfaction and a
 * user's answer about need are not counted: the procedure compares the unmet need of the one
 * with the experience of the other. Respondents who did not answer the question a view counts
 * are left out of that view's denominator, as in any share of answers.
 */
export function compareRecipients(answers: readonly RecipientAnswers[], z: number = Z_95): RecipientsView {
  let nonUsers = 0;
  let needing = 0;
  let users = 0;
  let satisfied = 0;
  let useUnknown = 0;
  for (const a of answers) {
    if (a.uses === null) {
      useUnknown += 1;
    } else if (a.uses) {
      if (a.satisfied === null) continue;
      users += 1;
      if (a.satisfied) satisfied += 1;
    } else {
      if (a.needs === null) continue;
      nonUsers += 1;
      if (a.needs) needing += 1;
    }
  }
  return {
    potential: shareOf(needing, nonUsers, z),
    current: shareOf(satisfied, users, z),
    respondents: answers.length,
    useUnknown,
  };
}
