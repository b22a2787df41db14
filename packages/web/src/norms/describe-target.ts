import type { TFunction } from 'i18next';
import { formatAgeRange, type TTargetPopulation } from '@potreby/domain';

/** "Women aged 65+", "Persons with disabilities" — a norm's target population in words. */
export function describeTarget(t: TFunction, target: TTargetPopulation): string {
  if (target.kind === 'indicator') return t(`indicators.${target.indicator}`, { defaultValue: target.indicator });
  const ages = target.age.from === 0 && target.age.to === null ? null : formatAgeRange(target.age);
  const sex = t(`norms.sexPeople.${target.sex}`);
  return ages ? t('norms.targetAged', { who: sex, ages }) : sex;
}
