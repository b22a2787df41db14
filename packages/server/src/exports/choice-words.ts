import {
  choiceLabels,
  FUNDING_SOURCES,
  LEVELS,
  PROVIDER_KINDS,
  SERVICE_CATEGORIES,
  SEXES,
  TARGET_GROUPS,
  ZCapacityUnit,
  type TColumnLabels,
} from '@potreby/domain';
import { LANGUAGES, translator, type TLanguage } from '@potreby/i18n';

/**
 * The choice columns of the exports and imports, each with its keys and the locale group
 * (locales/*\/catalogue.json) that names them for the screens. Exports write these names, so a
 * file for people holds no enum key; imports read them back in any of the four languages.
 */
const CHOICE_COLUMNS = {
  provider_kind: { group: 'providerKinds', keys: PROVIDER_KINDS },
  funding: { group: 'funding', keys: FUNDING_SOURCES },
  category: { group: 'serviceCategories', keys: SERVICE_CATEGORIES },
  unit: { group: 'capacityUnits', keys: ZCapacityUnit.options },
  target_groups: { group: 'targetGroups', keys: TARGET_GROUPS },
  level: { group: 'levels', keys: LEVELS },
  sex: { group: 'sexes', keys: SEXES },
} as const satisfies Record<string, { group: string; keys: readonly string[] }>;

export type TChoiceColumn = keyof typeof CHOICE_COLUMNS;

/** A choice's name in a language, as exports write it (the key itself if it has no translation). */
export const choiceWord = (language: TLanguage, column: TChoiceColumn, key: string | null): string | null =>
  key === null ? null : translator(language)(`${CHOICE_COLUMNS[column].group}.${key}`, { defaultValue: key });

let labels: TColumnLabels | null = null;

/**
 * For each choice column, every choice's name in every language → its key: what an import passes
 * to `createRowParser` and `parseServiceTypeRow`, so an exported file imports back unchanged.
 */
export function choiceLabelsByColumn(): TColumnLabels {
  labels ??= Object.fromEntries(
    Object.entries(CHOICE_COLUMNS).map(([column, { keys }]) => [
      column,
      choiceLabels(LANGUAGES.flatMap((language) => keys.map((key) => [choiceWord(language, column as TChoiceColumn, key)!, key] as const))),
    ]),
  );
  return labels;
}
