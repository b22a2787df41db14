import {
  checkRegistryYear,
  countRegistryYears,
  defaultRegistryYear,
  defaultYearOfRegistries,
  registryYears,
  type RegistryYearCount,
  type SiteReach,
  type TCountry,
} from '@potreby/domain';
import { count } from 'drizzle-orm';
import type { Db } from '../db/database';
import type { CountryModel, CountryModels } from '../model/country-model';
import type { TRegistryYears } from './schema';
import { serviceSite } from './tables';

/**
 * A territory's registry counted by year (the sites standing in it or serving it: the registry
 * list's own filter), from the country's model in memory. Kept with the model, so the gap
 * dashboard, asked thousands of times a second, pays for it once per change of the data.
 */
export function territoryRegistryYears(model: CountryModel, territoryId: number): RegistryYearCount[] {
  return model.memo(`registry-years|${territoryId}`, () => {
    const territory = model.territories.get(territoryId);
    if (!territory) return [];
    const pathOf = (id: number) => model.territories.get(id)?.path;
    const sites: (SiteReach & { year: number })[] = [];
    for (const site of model.sites.values()) {
      sites.push({
        year: site.year,
        settlementPath: pathOf(site.settlementId) ?? '',
        servesPaths: site.servesIds.map(pathOf).filter((p): p is string => p !== undefined),
      });
    }
    return countRegistryYears(sites, territory.path);
  });
}

/**
 * The year a territory's registry and gap table open on when none is asked: the newest year
 * complete for that territory (domain: registry-year.ts). A territory without any site takes its
 * country's; a country without any, this year.
 */
export function territoryDefaultYear(model: CountryModel, territoryId: number): number {
  return (
    defaultRegistryYear(territoryRegistryYears(model, territoryId)) ??
    defaultRegistryYear(model.memo('registry-years|country', () => countryRegistryYears(model))) ??
    new Date().getFullYear()
  );
}

/** Every site of the country, by year. */
function countryRegistryYears(model: CountryModel): RegistryYearCount[] {
  const byYear = new Map<number, number>();
  for (const site of model.sites.values()) byYear.set(site.year, (byYear.get(site.year) ?? 0) + 1);
  return [...byYear].map(([year, sites]) => ({ year, sites }));
}

/** One territory's registry years, checked, with the year to open on. */
export async function registryYearsOfTerritory(models: CountryModels, territory: { id: number; country: string }): Promise<TRegistryYears> {
  const model = await models.get(territory.country as TCountry);
  const counts = territoryRegistryYears(model, territory.id);
  // Not gaps/gap-report's refOf: the gap report asks this module for its default year.
  const { id, code, name, nameEn, level, country } = model.territories.get(territory.id)!;
  return {
    territory: { id, code, name, nameEn, level, country },
    years: registryYears(counts),
    defaultYear: defaultRegistryYear(counts) ?? territoryDefaultYear(model, territory.id),
  };
}

/**
 * Every country's registry at once (an administrator without a territory chosen). Each country
 * is a registry of its own, checked apart: a year counts as complete only when it is in every
 * country, so one country's new year does not hide another's last complete one.
 */
export async function registryYearsOfAll(db: Db): Promise<TRegistryYears> {
  const rows = await db
    .select({ country: serviceSite.country, year: serviceSite.year, sites: count() })
    .from(serviceSite)
    .groupBy(serviceSite.country, serviceSite.year);
  const byCountry = new Map<string, RegistryYearCount[]>();
  for (const r of rows) byCountry.set(r.country, [...(byCountry.get(r.country) ?? []), { year: r.year, sites: Number(r.sites) }]);
  const registries = [...byCountry.values()];
  const years = registryYears(rows.map((r) => ({ year: r.year, sites: Number(r.sites) }))).map((y) => ({
    ...y,
    incomplete: registries.some((counts) => checkRegistryYear(counts, y.year).incomplete),
  }));
  return { territory: null, years, defaultYear: defaultYearOfRegistries(registries) };
}

