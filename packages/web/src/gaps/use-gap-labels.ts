import { useTranslation } from 'react-i18next';
import { locale } from '@potreby/i18n';
import type { TNeedUnit, TNotShown, TServiceType, TTargetPopulation } from '@potreby/domain';
import { useServiceTypes } from '../app/catalogue';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';

/** Everything the gap screens need to name and format, bound to the current language. */
export type GapLabels = {
  language: string;
  serviceTypes: readonly TServiceType[];
  serviceType: (key: string) => string;
  /** "places" or "persons a year" for a service type. */
  unit: (key: string) => string;
  /** A unit as a label: "places", "persons a year", "persons". */
  unitName: (unit: TNeedUnit) => string;
  /** A figure with its unit after it: "2,015 places", "2,974 persons". */
  amount: (value: number, unit: TNeedUnit) => string;
  /** Why there is no figure: "no survey results for this territory …". */
  why: (reason: TNotShown) => string;
  territory: (ref: { name: string; nameEn?: string | null; country: string; level?: string | null }) => string;
  level: (country: string, level: string) => string;
  number: (value: number | null | undefined, digits?: number) => string;
  percent: (value: number | null | undefined) => string;
  /** A norm's rate, always with one decimal at least ("5.0"), as the arithmetic is written. */
  rate: (value: number) => string;
  /** A site's share, to a tenth of a per cent. */
  share: (value: number) => string;
  /** "women, aged 65 and over" or an indicator's name. */
  target: (target: TTargetPopulation) => string;
};

export function useGapLabels(country: string | null | undefined): GapLabels {
  const { t } = useTranslation();
  const names = useNames();
  const format = useFormat();
  const { items } = useServiceTypes(country ?? null);
  const byKey = new Map(items.map((s) => [s.key, s]));
  const intl = locale(format.language);
  const number = format.number;
  return {
    language: format.language,
    serviceTypes: items,
    serviceType: (key) => names.serviceType(byKey.get(key) ?? key),
    unit: (key) => {
      const s = byKey.get(key);
      return s ? t(`capacityUnits.${s.unit}`) : '';
    },
    unitName: (unit) => t(`gaps.needUnits.${unit}`),
    amount: (value, unit) => `${number(value, 1)} ${t(`gaps.countUnits.${unit}`)}`,
    why: (reason) => t(`gaps.noEstimateWhy.${reason}`),
    territory: (ref) => names.territory(ref),
    level: names.level,
    number,
    percent: format.percent,
    rate: (value) => new Intl.NumberFormat(intl, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value),
    share: (value) => new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 1 }).format(value),
    target: (target) => {
      if (target.kind === 'indicator') return t(`indicators.${target.indicator}`, { defaultValue: target.indicator });
      const { from, to } = target.age;
      const ages =
        from === 0 && to === null
          ? t('explain.ages.all')
          : to === null
            ? t('explain.ages.andOver', { from: number(from) })
            : from === 0
              ? t('explain.ages.upTo', { to: number(to) })
              : t('explain.ages.range', { from: number(from), to: number(to) });
      return t('explain.targetPopulation', { sex: t(`explain.sex.${target.sex}`), ages });
    },
  };
}
