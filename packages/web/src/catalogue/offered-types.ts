import { mayChooseServiceType, type TServiceType } from '@potreby/domain';
import { useServiceTypes } from '../app/catalogue';

/** The type (or types, for a finding about several services) the record has now. */
type Current = string | readonly string[] | null;

/**
 * The types a form offers: a retired type only to what already has it (`current`: the site's,
 * norm's, question's or finding's types now), so an old record still shows its type and nothing
 * new gets it.
 */
export const offeredServiceTypes = (items: readonly TServiceType[], current: Current = null): TServiceType[] => {
  const had = new Set(current === null ? [] : typeof current === 'string' ? [current] : current);
  return items.filter((s) => mayChooseServiceType(s) || had.has(s.key));
};

/** `useServiceTypes` for a form's choice of type. */
export function useOfferedServiceTypes(country: string | null | undefined, current: Current = null) {
  const query = useServiceTypes(country);
  return { ...query, items: offeredServiceTypes(query.items, current) };
}
