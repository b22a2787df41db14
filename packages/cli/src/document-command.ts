import { writeFileSync } from 'node:fs';
import type { TCountry } from '@potreby/domain';
import type { TLanguage } from '@potreby/i18n';
import type { TOfficialKind } from '@potreby/server/documents/kinds';
import { officialDocument } from '@potreby/server/documents/official-documents';
import { CountryModels } from '@potreby/server/model/country-model';
import { today } from '@potreby/server/planning/rounds';
import { toTerritory } from '@potreby/server/territories/queries';
import { outputError } from './export-command';
import { findTerritory } from './find-territory';
import { CLI_ACTOR, type CliContext } from './main';

type DocumentOptions = { territory: string; country?: TCountry; year: number; format: 'docx' | 'pdf'; out: string; language?: TLanguage };

/**
 * `potreby document KIND --territory CODE --year Y --format docx|pdf --out FILE`: the file the
 * Documents screen downloads. Missing data (no assessment, no round, no figures) is an
 * `AppError` whose message names what to enter and where: exit code 1.
 */
export async function documentCommand(ctx: CliContext, kind: TOfficialKind, options: DocumentOptions): Promise<number> {
  const row = await findTerritory(ctx, options.territory, options.country);
  if (!row) return 1;
  const place = { ...toTerritory(row), path: row.path };
  const file = await officialDocument({ db: ctx.database.db, models: new CountryModels(ctx.database.db) }, CLI_ACTOR, place, { kind, year: options.year, format: options.format, language: options.language, today: today() });
  try {
    writeFileSync(options.out, file.body);
  } catch (error) {
    throw outputError(options.out, error);
  }
  ctx.io.out(`${options.out}\n`);
  return 0;
}
