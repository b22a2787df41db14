import { useTranslation } from 'react-i18next';
import { useNames } from '../app/names';
import { ownerLabel, type RoundTabProps } from './round-parts';

/** Who a stage or task of the round is for, in the reader's language (round-parts.ts ownerLabel). */
export function useOwnerName({ round, municipalities }: RoundTabProps): (id: number | null) => string {
  const { t } = useTranslation();
  const names = useNames();
  const say = { national: t('rounds.ownerNational'), name: names.territory, regionLevel: (name: string) => t('rounds.ownerRegion', { name }) };
  return (id) => ownerLabel(id, round, municipalities, say);
}
