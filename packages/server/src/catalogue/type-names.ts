import { serviceTypeNameIn, type TServiceType } from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';

type Translate = (key: string, options: { defaultValue: string }) => string;

/**
 * A service type's name as a reader of `language` reads it — the name an administrator gave it,
 * else the catalogue's translation, else its own — from its key; a key the catalogue does not
 * know is shown as it is. For the documents, pages and files the server writes.
 */
export function serviceTypeNamer(serviceTypes: readonly TServiceType[], language: TLanguage, t: Translate = translator(language) as Translate): (key: string) => string {
  const types = new Map(serviceTypes.map((s) => [s.key, s]));
  return (key) => {
    const type = types.get(key);
    return type ? serviceTypeNameIn(type, language, (k) => t(`serviceTypes.${k}`, { defaultValue: '' }) || undefined) : key;
  };
}
