/**
 * Which year of the service-site registry a user means when they name none.
 *
 * Sites are yearly snapshots, and a year is filled in over weeks: started from the year before
 * (copy-year) or site by site. Until it is, its figures describe part of the services only, and a
 * gap table of that year shows shortfalls that are not there. So the year shown by default is not
 * the newest with any site — one site added early in a territory, or another country's later data,
 * would make it so for every user — but the newest year whose registry **for the territory shown**
 * is complete.
 *
 * The rule (kept simple enough to say in a sentence on screen): a year's registry is *incomplete*
 * when it holds fewer than half as many sites as the nearest earlier year with sites in the same
 * territory. The first year with sites has nothing to compare with and counts as complete, so a
 * territory with sites always has a default year. A halving is far beyond what a territory's
 * services change by in a year (closures and openings move a few sites), and well below what a
 * year started by copy-year holds (every site it may copy). A registry that really did halve is
 * flagged for one year only: the year after compares with the smaller one.
 */

/** How many sites one territory's registry holds in one year. */
export type RegistryYearCount = { year: number; sites: number };

/** One year of a territory's registry, beside the year it is compared with. */
export type RegistryYearCheck = {
  year: number;
  sites: number;
  /** The nearest earlier year with sites, and how many; null for the first year. */
  previous: RegistryYearCount | null;
  /** Fewer than half as many sites as `previous`: the year is not filled in yet. */
  incomplete: boolean;
};

/** A year is incomplete below this share of the previous year's sites. */
export const INCOMPLETE_BELOW_SHARE = 0.5;

/** Sites per year, years with sites only, newest first (a year given twice counts once, summed). */
function withSites(counts: readonly RegistryYearCount[]): RegistryYearCount[] {
  const byYear = new Map<number, number>();
  for (const c of counts) byYear.set(c.year, (byYear.get(c.year) ?? 0) + c.sites);
  return [...byYear]
    .filter(([, sites]) => sites > 0)
    .map(([year, sites]) => ({ year, sites }))
    .sort((a, b) => b.year - a.year);
}

/**
 * One year of a registry checked against the year before: any year, also one the territory has no
 * site in (the country has; the territory's registry of it is empty, so incomplete if it ever had sites).
 */
export function checkRegistryYear(counts: readonly RegistryYearCount[], year: number): RegistryYearCheck {
  const years = withSites(counts);
  const sites = years.find((c) => c.year === year)?.sites ?? 0;
  const previous = years.find((c) => c.year < year) ?? null;
  return { year, sites, previous, incomplete: previous !== null && sites < previous.sites * INCOMPLETE_BELOW_SHARE };
}

/** Every year with sites in the registry, checked, newest first. */
export function registryYears(counts: readonly RegistryYearCount[]): RegistryYearCheck[] {
  return withSites(counts).map((c) => checkRegistryYear(counts, c.year));
}

/** The year to show when none is asked: the newest complete one; null without any site. */
export function defaultRegistryYear(counts: readonly RegistryYearCount[]): number | null {
  return registryYears(counts).find((c) => !c.incomplete)?.year ?? null;
}

/**
 * Several registries shown as one — an administrator's, without a territory chosen, holds every
 * country's, which start their years apart (Bulgaria's 2025 beside Ukraine's 2026). Each is checked
 * on its own: the default is the newest year with sites that is complete in every one of them, so
 * the year one country has begun does not hide another's last complete year. A registry whose
 * sites all come later than a year has nothing to compare with there and does not hold it back.
 */
export function defaultYearOfRegistries(registries: readonly (readonly RegistryYearCount[])[]): number | null {
  const candidates = withSites(registries.flat());
  const complete = candidates.find((c) => registries.every((counts) => !checkRegistryYear(counts, c.year).incomplete));
  // Some year always qualifies when there are sites (the earliest has nothing before it anywhere).
  return complete?.year ?? null;
}

/** Where a site stands and whom it serves, by materialised territory paths ("/1/12/130/"). */
export type SiteReach = { settlementPath: string; servesPaths: readonly string[] };

/**
 * Does a site belong to a territory's registry? It does when it stands in the territory, serves a
 * unit in it, or serves a larger unit that contains it (a province-wide service serves each of
 * the province's municipalities) — the registry list's own filter, so its totals and these agree.
 */
export function siteConcerns(site: SiteReach, territoryPath: string): boolean {
  return (
    site.settlementPath.startsWith(territoryPath) ||
    site.servesPaths.some((served) => served.startsWith(territoryPath) || territoryPath.startsWith(served))
  );
}

/** A territory's registry counted by year, from its sites' years and places. */
export function countRegistryYears(sites: Iterable<SiteReach & { year: number }>, territoryPath: string): RegistryYearCount[] {
  const byYear = new Map<number, number>();
  for (const site of sites) if (siteConcerns(site, territoryPath)) byYear.set(site.year, (byYear.get(site.year) ?? 0) + 1);
  return [...byYear].map(([year, sites]) => ({ year, sites })).sort((a, b) => b.year - a.year);
}
