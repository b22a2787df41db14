import { mayChooseServiceType, type TServiceType } from '@potreby/domain';
import { useServiceTypes } from '../app/catalogue';

/**
 * The types a form offers: a retired type only to what already has it (`current`: the site's,
 * norm's or question's type now), so an old site still shows its type and nothing new gets it.
 */
export const offeredServiceTypes = (items: readonly TServiceType[], current: string | null = null): TServiceType[] => items.filter((s) => mayChooseServiceType(s, current));

/** `useServiceTypes` for a form's choice of type. */
export function useOfferedServiceTypes(country: string | null | undefined, current: string | null = null) {
  const query = useServiceTypes(country);
  return { ...query, items: offeredServiceTypes(query.items, current) };
}
