import type { TCountry } from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import type { TFunction } from 'i18next';
import type { Db } from '../db/database';
import type { TOfficialKind } from './kinds';

/** The words of a document in a language, with the fixed text an administrator reworded for the country. */
export async function textsFor(_db: Db, _country: TCountry, _kind: TOfficialKind, language: TLanguage): Promise<TFunction> {
  return translator(language);
}
