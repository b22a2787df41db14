import type { TTargetPopulation } from '@potreby/domain';

/**
 * Texts the demonstration writes into its data, each in the one language the data are kept in
 * (a norm's source in the country's language, a file's source in English). The web shows
 * them in the reader's language (`demoTexts.<key>` in ui.json); a test checks every one has a
 * translation. Keep a text here when the seed writes it, so databases seeded before keep
 * showing it translated.
 */
export const DEMO_TEXTS = {
  illustrativeNorm: [
    'Илюстративен норматив за демонстрацията, не е официален стандарт',
    'Ілюстративний норматив для демонстрації, не є офіційним стандартом',
    'Norma poglądowa na potrzeby demonstracji, nie jest normą urzędową',
  ],
  syntheticSites: ['Synthetic demonstration data'],
} as const satisfies Record<string, readonly string[]>;

/** The illustrative norms' source, in the language of the country they are set for. */
export const ILLUSTRATIVE_NORM_SOURCE = {
  BG: DEMO_TEXTS.illustrativeNorm[0],
  UA: DEMO_TEXTS.illustrativeNorm[1],
  PL: DEMO_TEXTS.illustrativeNorm[2],
} as const;

/** The source given for the demonstration's synthetic service sites. */
export const SYNTHETIC_SITES_SOURCE = DEMO_TEXTS.syntheticSites[0];

const ages = (from: number, to: number | null): TTargetPopulation => ({ kind: 'population', sex: 'T', age: { from, to } });

/**
 * ILLUSTRATIVE coverage norms for the Bulgarian demonstration: places (or persons a year) per
 * 1,000 of a target population. Bulgaria's Ordinance on planning (Decree No. 133/2021) leaves
 * the standards to the National Map of Social Services; these figures are NOT official and are
 * marked illustrative in the app. A municipality or the agency sets its own.
 */
export const DEMO_NORMS_BG: { serviceType: string; target: TTargetPopulation; ratePer1000: number }[] = [
  { serviceType: 'bg.information_consulting', target: ages(0, null), ratePer1000: 5 },
  { serviceType: 'bg.advocacy_mediation', target: ages(0, null), ratePer1000: 1 },
  { serviceType: 'bg.community_work', target: ages(0, null), ratePer1000: 2 },
  { serviceType: 'bg.therapy_rehabilitation', target: ages(0, 17), ratePer1000: 3 },
  { serviceType: 'bg.skills_training', target: ages(15, 29), ratePer1000: 2 },
  { serviceType: 'bg.work_skills_support', target: ages(18, 64), ratePer1000: 0.5 },
  { serviceType: 'bg.day_care_children_disability', target: ages(0, 17), ratePer1000: 2 },
  { serviceType: 'bg.day_care_adults_disability', target: ages(18, 64), ratePer1000: 1 },
  { serviceType: 'bg.day_care_elderly', target: ages(65, null), ratePer1000: 3 },
  { serviceType: 'bg.residential_care_elderly', target: ages(65, null), ratePer1000: 4 },
  { serviceType: 'bg.residential_care_adults_disability', target: ages(18, null), ratePer1000: 0.5 },
  { serviceType: 'bg.residential_care_children', target: ages(0, 17), ratePer1000: 0.5 },
  { serviceType: 'bg.shelter', target: ages(0, null), ratePer1000: 0.1 },
  { serviceType: 'bg.assistant_support', target: ages(18, null), ratePer1000: 5 },
  { serviceType: 'bg.home_care', target: ages(65, null), ratePer1000: 20 },
  { serviceType: 'bg.integrated_health_social', target: ages(65, null), ratePer1000: 1 },
];
