import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TCountry } from '@potreby/domain';
import { recordChange, SYSTEM_AUTHOR } from '../audit/record-change';
import type { Database } from '../db/database';
import { ENGINE, freshDatabase } from '../testing/test-database';
import { countryRevision, CountryModels, loadCountryModel, type CountryModel } from './country-model';

/**
 * The models are read from the database as the app reads them; only the moment a load finishes
 * is held, so a change can be made while a request is still loading, as under real traffic.
 */
describe(`a country's model kept between requests (${ENGINE})`, () => {
  let database: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    database = await freshDatabase(inject('pgliteDump'));
  });
  afterAll(() => database?.drop());

  const change = () => recordChange(database.db, SYSTEM_AUTHOR, { action: 'update', entity: 'territories', country: 'BG' });

  /** Loads that, once held, read everything and then wait for the test to let them finish. */
  function heldLoads() {
    let release: (() => void) | null = null;
    let held = false;
    const models = new CountryModels(database.db, {
      revision: countryRevision,
      load: async (db, country: TCountry) => {
        const model = await loadCountryModel(db, country);
        if (held) await new Promise<void>((resolve) => (release = resolve));
        return model;
      },
    });
    return {
      models,
      hold: () => (held = true),
      /** Whether a held load has read the database and waits. */
      waiting: () => release !== null,
      release: () => {
        held = false;
        release?.();
      },
    };
  }

  it('serves the model after a change made while an older request was still loading, not the one that request loaded', async () => {
    const { models, hold, waiting, release } = heldLoads();
    expect((await models.get('BG')).revision).toBe(await countryRevision(database.db, 'BG'));

    // A change, then a request that learns of it and loads a new model, slowly.
    await change();
    models.changed();
    hold();
    const slow = models.get('BG');
    await until(waiting);
    // While it loads, an officer saves (say) an envelope through this process.
    await change();
    models.changed();
    release();
    const before = await slow;

    // The officer's next request must see the envelope's revision, not the slow request's model.
    const after: CountryModel = await models.get('BG');
    expect(after.revision).toBe(await countryRevision(database.db, 'BG'));
    expect(after.revision).toBeGreaterThan(before.revision);
  });

  it('keeps one model while nothing changes, and serves a new one as soon as a change comes through this process', async () => {
    const { models } = heldLoads();
    const first = await models.get('BG');
    expect(await models.get('BG')).toBe(first);
    await change();
    models.changed();
    expect((await models.get('BG')).revision).toBeGreaterThan(first.revision);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(condition()).toBe(true);
}
