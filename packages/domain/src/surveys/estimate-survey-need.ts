import { wilsonInterval, Z_95 } from './wilson-interval';

/** What one respondent group said about one need, and how many people the group stands for. */
export type GroupTally = {
  groupId: number;
  /** People of the respondent group in the territory (design weight); null = unknown. */
  population: number | null;
  /** Respondents of the group who answered the tagged question. */
  answered: number;
  /** Of those, how many gave a "positive" answer (they need the service). */
  positive: number;
};

export type GroupEstimate = {
  groupId: number;
  population: number | null;
  answered: number;
  positive: number;
  /** positive ÷ answered (0 when nobody answered), with its Wilson interval. */
  prevalence: number;
  low: number;
  high: number;
  /** prevalence × population; null when the population is unknown or nobody answered. */
  need: number | null;
  needLow: number | null;
  needHigh: number | null;
};

export type SurveyNeedEstimate = {
  /** Estimated people in need: Σ prevalence_g × population_g over groups with a known population and answers. */
  need: number;
  needLow: number;
  needHigh: number;
  /** Combined prevalence over the covered population, its interval. */
  prevalence: number;
  low: number;
  high: number;
  /** Kish effective sample size of the weighted estimate. */
  effectiveN: number;
  /** Respondents who answered the question in the groups that entered the estimate. */
  respondents: number;
  /** Population of the groups that entered the estimate, and the groups left out (no answers or unknown population). */
  coveredPopulation: number;
  uncoveredGroups: number[];
  byGroup: GroupEstimate[];
};

const entersEstimate = (t: GroupTally): t is GroupTally & { population: number } =>
  t.population !== null && t.answered > 0;

/**
 * People in need of a service from a questionnaire: the prevalence of the need in each
 * respondent group times that group's population, summed, with a 95 % interval.
 *
 * Respondent groups (older people, families with children, displaced persons …) are recruited
 * separately and in numbers that have nothing to do with their size in the territory: a
 * stratified design. Each group's answers therefore stand for that group's population only;
 * pooling all answers would let whichever group answered most speak for everybody. So each group
 * gets the weight W_g = N_g ÷ ΣN of its population, the combined prevalence is p_w = Σ W_g·p_g,
 * and its precision is that of Kish's effective sample size n_eff = 1 ÷ Σ(W_g² ÷ n_g)
 * (L. Kish, Survey Sampling, 1965, §11.7: the variance of a stratified mean with equal
 * within-group variances). n_eff equals the number of respondents when the groups were sampled in
 * proportion to their size and is smaller the further the sample departs from that. The interval
 * is Wilson's (1927) at p_w with n_eff trials, which keeps it inside [0, 1] for rare needs.
 *
 * Groups without a known population or without answers cannot be weighted; they are listed in
 * `uncoveredGroups` so the reader sees that the estimate covers only part of the territory.
 * Null when no group can be weighted (or all weighted groups have population 0).
 */
export function estimateSurveyNeed(tallies: readonly GroupTally[], z: number = Z_95): SurveyNeedEstimate | null {
  const byGroup: GroupEstimate[] = tallies.map((t) => {
    const { p, low, high } = wilsonInterval(t.positive, t.answered, z);
    const weighted = entersEstimate(t);
    return {
      groupId: t.groupId,
      population: t.population,
      answered: t.answered,
      positive: t.positive,
      prevalence: p,
      low,
      high,
      need: weighted ? p * t.population : null,
      needLow: weighted ? low * t.population : null,
      needHigh: weighted ? high * t.population : null,
    };
  });

  const covered = tallies.filter(entersEstimate);
  const coveredPopulation = covered.reduce((sum, t) => sum + t.population, 0);
  // A group of nobody weighs nothing; if every group is empty there is nothing to estimate.
  if (coveredPopulation <= 0) return null;

  let prevalence = 0;
  let variancePerTrial = 0; // Σ W_g² / n_g
  let respondents = 0;
  for (const t of covered) {
    const weight = t.population / coveredPopulation;
    prevalence += weight * (t.positive / t.answered);
    variancePerTrial += (weight * weight) / t.answered;
    respondents += t.answered;
  }
  // Rounding can push a sum of weighted shares a hair past 1.
  prevalence = Math.min(1, Math.max(0, prevalence));
  const effectiveN = 1 / variancePerTrial;
  const { low, high } = wilsonInterval(prevalence * effectiveN, effectiveN, z);

  return {
    need: prevalence * coveredPopulation,
    needLow: low * coveredPopulation,
    needHigh: high * coveredPopulation,
    prevalence,
    low,
    high,
    effectiveN,
    respondents,
    coveredPopulation,
    uncoveredGroups: tallies.filter((t) => !entersEstimate(t)).map((t) => t.groupId),
    byGroup,
  };
}
