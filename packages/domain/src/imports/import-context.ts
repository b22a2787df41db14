import type { Actor, Place } from '../accounts/policy';
import type { TCountry, TLevel } from '../territories/territory';

/** A territory the database already holds, as the import checks need it. */
export type TKnownTerritory = { id: number; code: string; country: TCountry; level: TLevel };

/**
 * What the import checks ask of the database and of the importing user. The server builds it
 * (one query per question, or maps loaded up front); the checks themselves stay pure.
 */
export type ImportContext = {
  /** Country chosen by the user, if any; territory codes are unique within a country. */
  country: TCountry | null;
  /** The territory with this code in `country`; with `country` null, in any country (used to say "wrong country"). */
  findTerritory(code: string, country: TCountry | null): TKnownTerritory | undefined;
  /** May the importing user write data about this territory (existing id) — scope check. */
  canWrite(territoryId: number): boolean;
  /** The importing user, for checks that the access policy makes on more than one territory (service sites). */
  actor: Actor;
  /** Where a known territory (existing id) lies in the tree, for the access policy. */
  placeOf(territoryId: number): Place | undefined;
  serviceType(key: string): { country: TCountry } | undefined;
  isIndicator(key: string): boolean;
};

/** A record together with the row it came from, so later checks can point at that row. */
export type TRowRecord<T> = { row: number; record: T };
