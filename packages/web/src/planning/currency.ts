import { ROUND_CURRENCY } from '@potreby/domain/planning/proposal';
import { currencySign } from '@potreby/i18n';
import { useFormat } from '../app/format';

/** The sign of the currency a round's costs are in, as the reader's language writes it (€, zł, ₴). */
export function useRoundCurrency(round: { territory: { country: string } }): string {
  const { language } = useFormat();
  const code = ROUND_CURRENCY[round.territory.country];
  return code ? currencySign(language, code) : '';
}
