import { serviceTypeNameIn, type TCountry } from '@potreby/domain';
import { ROUND_CURRENCY } from '@potreby/domain/planning/proposal';
import { currencySign, formatDate, formatNumber, type TLanguage } from '@potreby/i18n';
import type { TFunction } from 'i18next';
import type { PlacedTerritory } from '../http/guards';
import type { CountryModel } from '../model/country-model';
import type { TBlock, TDocument } from '../reports/document-blocks';
import { territoryName } from '../reports/document-text';

/**
 * The words of one official document (planning proposal, annual plan, programme): its fixed
 * text from `documents.<doc>.*` in the reader's language — reworded by an administrator where
 * they have done so (`t` comes in already aware of that) — and the data's names, numbers, money
 * and dates written as the reader's language writes them.
 */
export function officialWords(doc: string, t: TFunction, language: TLanguage, municipality: PlacedTerritory, model: CountryModel) {
  const country = municipality.country as TCountry;
  const types = new Map(model.serviceTypes.map((s) => [s.key, s]));
  const currency = currencySign(language, ROUND_CURRENCY[country] ?? 'EUR');
  const number = (value: number) => formatNumber(language, value);
  const name = territoryName({ ...municipality, country }, language);
  const community = t(`documents.common.community.${country}`, { name });
  // Region and district, top first, as the title page of the assessment's documents shows them.
  const parents = [...model.tree.ancestorsOf(municipality.id)]
    .reverse()
    .filter((a) => a.level !== 'country')
    .map((a) => territoryName({ ...a, country }, language));
  const own = (key: string, params?: Record<string, unknown>) => t(`documents.${doc}.${key}`, params ?? {});

  return {
    t,
    own,
    language,
    number,
    none: t('documents.common.none'),
    maybe: (value: number | null | undefined) => (value === null || value === undefined ? t('documents.common.none') : number(value)),
    currency,
    money: (value: number) => `${formatNumber(language, Math.round(value))} ${currency}`,
    date: (value: string) => formatDate(language, value),
    community,
    typeName: (key: string) => {
      const type = types.get(key);
      return type ? serviceTypeNameIn(type, language, (k) => t(`serviceTypes.${k}`, { defaultValue: '' }) || undefined) : key;
    },
    placeName: (id: number | null) => {
      const place = id === null ? undefined : model.territories.get(id);
      return place ? territoryName({ ...place, country }, language) : t('documents.common.none');
    },
    unit: (unit: string) => t(`documents.unit.${unit}`),
    /** Another unit named with its level: "Пазарджик (област)". */
    placeLabel: (place: { name: string; nameEn: string | null; level: string }) =>
      `${territoryName({ ...place, country }, language)} (${t(`levelsByCountry.${country}.${place.level}`, { defaultValue: t(`levels.${place.level}`, { defaultValue: place.level }) })})`,
    /** The title page: demonstration mark, region, the authority, what the document is, for when, and its legal basis. */
    cover: (lines: string[], demo: boolean): TBlock[] => [
      ...(demo ? [{ kind: 'notice', title: t('documents.common.demo'), text: t('documents.common.demoNote') } satisfies TBlock] : []),
      ...(parents.length > 0 ? [{ kind: 'subtitle', text: parents.join(', ') } satisfies TBlock] : []),
      { kind: 'subtitle', text: community, size: 'large', bold: true },
      { kind: 'title', text: own('kind') },
      { kind: 'subtitle', text: own('title'), size: 'large' },
      ...lines.map((text): TBlock => ({ kind: 'subtitle', text })),
      { kind: 'subtitle', text: t('documents.common.legalBasis', { basis: own('basis') }), size: 'small' },
    ],
    /** The document with its metadata and the running head of every page after the first. */
    document: (blocks: TBlock[], subject: string): TDocument => ({
      language,
      title: `${own('kind')} ${own('title')} — ${community}`,
      subject,
      pageLabel: t('documents.common.page', { page: '{{page}}', pages: '{{pages}}', interpolation: { skipOnVariables: true } }),
      runningHead: `${community} — ${own('kind')}`,
      blocks,
    }),
    signatures: (roles: string[]): TBlock => ({
      kind: 'signatures',
      signatureLabel: t('documents.common.signature'),
      nameLabel: t('documents.common.fullName'),
      rows: roles.map((role) => ({ role, name: null })),
    }),
  };
}

export type TOfficialWords = ReturnType<typeof officialWords>;
