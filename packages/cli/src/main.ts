import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { AppError, GAP_METHODS, IMPORT_KINDS, INT4_MAX, ROLES, type Actor, type TCountry, type TGapMethod, type TRole } from '@potreby/domain';
import { LANGUAGES, pickLanguage, translator, type TLanguage } from '@potreby/i18n';
import type { ChangeAuthor } from '@potreby/server/audit/record-change';
import { configFromEnv, migrate, openDatabase, type Database } from '@potreby/server/db/database';
import { calendarOf } from '@potreby/server/planning/schedule';
import { OFFICIAL_KINDS, type TOfficialKind } from '@potreby/server/documents/kinds';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { documentCommand } from './document-command';
import { exportCommand } from './export-command';
import { dayCountArgument, deadlineCommand, deadlineUsesDatabase, isoDateArgument } from './deadline-command';
import { gapCommand } from './gap-command';
import { importCommand, PLAN_IMPORT_KINDS } from './import-command';
import { planBudgetCommand, planChecksCommand } from './plan-command';
import { periodArgument, roundCreateCommand } from './round-command';
import { remindersSendCommand } from './reminders-command';
import { importResponsesCommand, importXlsFormCommand, surveyStatsCommand } from './survey-command';
import { userCreateCommand, userResetPasswordCommand } from './user-command';

/** The command line works with full reach, like an administrator at the server's console. */
export const CLI_ACTOR: Actor = { userId: null, role: 'admin', scopePath: null, organisation: null };
export const cliAuthor = (): ChangeAuthor => ({ userId: null, actor: `cli:${safeUser()}` });

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * A problem the person at the console can fix (a file that is not there, a folder given for a
 * file): printed as one translated line, never as a stack trace, with the exit code it deserves.
 */
export class CliError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number>,
    readonly exitCode = 2,
  ) {
    super(key);
    this.name = 'CliError';
  }
}

/** What went wrong with a file, from the system's error code, in the user's terms. */
export function fileError(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CliError('cli.fileNotFound', { file });
  if (code === 'EISDIR') return new CliError('cli.notAFile', { file });
  if (code === 'EACCES' || code === 'EPERM') return new CliError('cli.fileForbidden', { file });
  return new CliError('cli.fileError', { file, reason: code ?? (error as Error).name });
}

/** The bytes of an input file; a missing file or a folder is a `CliError`. */
export function readInput(file: string): Uint8Array {
  try {
    if (statSync(file).isDirectory()) throw new CliError('cli.notAFile', { file });
    return readFileSync(file);
  } catch (error) {
    throw error instanceof CliError ? error : fileError(file, error);
  }
}

/** `--year`: a year of data, as the API takes it. */
const year = (value: string) => {
  if (!/^\s*\d{4}\s*$/.test(value) || Number(value) < 1900 || Number(value) > 2100) throw new InvalidArgumentError('expected a year from 1900 to 2100');
  return Number(value);
};

/** `--round`: an id, as the API takes it. */
const positiveId = (value: string) => {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(n) || n <= 0 || n > INT4_MAX) throw new InvalidArgumentError('expected a positive whole number');
  return n;
};

export type Io = { out: (text: string) => void; err: (text: string) => void };
export type CliContext = { database: Database; language: TLanguage; io: Io };

/** Messages in the language of --lang, else of LANG (bg_BG.UTF-8 → bg), else English. */
export const cliLanguage = (explicit?: string): TLanguage => pickLanguage(explicit, process.env.LANG?.replace('_', '-'));

/**
 * Run one command; returns the exit code: 0 success, 1 the work was refused (a rejected import,
 * an unknown territory), 2 the command itself was wrong.
 */
export async function run(argv: string[], io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  let database: Database | null = null;
  const withDatabase = async (language: TLanguage, body: (ctx: CliContext) => Promise<number>) => {
    database = await openDatabase(configFromEnv());
    await migrate(database);
    return body({ database, language, io });
  };
  let code = 0;
  const program = new Command('potreby')
    .description('potreby: needs, capacity and gaps of social services')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addOption(new Option('--lang <language>', 'language of messages, and of the file that `document` writes').choices(LANGUAGES as unknown as string[]));

  program
    .command('import')
    .description('import a CSV or XLSX file (or GeoJSON boundaries), all or nothing')
    .addArgument(new Command().createArgument('<kind>', 'what the file holds').choices([...IMPORT_KINDS, 'boundaries', 'service-types', ...PLAN_IMPORT_KINDS]))
    .argument('<file>', 'the file')
    .addOption(new Option('--country <country>', 'country of the codes').choices(['BG', 'UA', 'PL']))
    .option('--year <year>', 'year of the figures, for files without a year column', year)
    .option('--source <source>', 'where the figures come from')
    .option('--illustrative', 'the figures are made up for a demonstration')
    .option('--round <id>', 'planning round the proposals belong to (import proposals)', positiveId)
    .action(async (kind: string, file: string, options: { country?: TCountry; year?: number; source?: string; illustrative?: boolean; round?: number }) => {
      const language = cliLanguage(program.opts().lang);
      const bytes = readInput(file);
      code = await withDatabase(language, (ctx) => importCommand(ctx, { kind: kind as never, file, bytes, ...options }));
    });

  const round = program.command('round').description('planning rounds: a region or municipality plans a period from a country template');
  round
    .command('create')
    .description('open a planning round for a region or municipality from a country template of stages and deadlines')
    .requiredOption('--territory <code>', 'the region or municipality (its code)')
    .requiredOption('--template <key>', "the country template's key")
    .requiredOption('--period <years>', 'plan period, e.g. 2026-2030', periodArgument)
    .option('--start <date>', 'the day the deadlines count from, YYYY-MM-DD (default: today)', isoDateArgument)
    .addOption(new Option('--method <method>', 'need estimation method the gaps are judged by').choices(GAP_METHODS as unknown as string[]).default('normative'))
    .addOption(new Option('--country <country>', 'when the code exists in several countries').choices(['BG', 'UA', 'PL']))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { territory: string; template: string; period: { from: number; to: number }; start?: string; method: TGapMethod; country?: TCountry; format: 'text' | 'json' }) => {
      const language = cliLanguage(program.opts().lang);
      code = await withDatabase(language, (ctx) => roundCreateCommand(ctx, options));
    });

  program
    .command('reminders')
    .description("e-mail reminders of planning rounds' deadlines (SMTP_URL)")
    .command('send')
    .description("send the day's reminder digests: what is overdue or due within 7 days, one e-mail per person and day")
    .option('--date <date>', 'the day of the digests, YYYY-MM-DD (default: today)', isoDateArgument)
    .option('--dry-run', 'list the digests without sending or recording them')
    .action(async (options: { date?: string; dryRun?: boolean }) => {
      const language = cliLanguage(program.opts().lang);
      code = await withDatabase(language, (ctx) => remindersSendCommand(ctx, options));
    });

  const plan = program.command('plan').description("a planning round's plan: checks and budget");
  for (const [name, description, command] of [
    ['checks', "every plan check of the round (unaddressed gaps, items without need, ceilings, budget, diversity, overdue stages), messages in --lang", planChecksCommand],
    ['budget', "the round's cost by municipality, funding source and year", planBudgetCommand],
  ] as const) {
    plan
      .command(name)
      .description(description)
      .requiredOption('--round <id>', 'planning round id', positiveId)
      .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
      .action(async (options: { round: number; format: 'json' | 'csv' }) => {
        const language = cliLanguage(program.opts().lang);
        code = await withDatabase(language, (ctx) => command(ctx, options));
      });
  }

  program
    .command('gap')
    .description("print a territory's gap table: need, capacity, gap and coverage by service type (its whole subtree summed)")
    .requiredOption('--territory <code>', 'territory code (EKATTE, KATOTTG, TERYT, or the NUTS-style codes of Bulgarian provinces and municipalities)')
    .option('--year <year>', 'year of the service sites (default: the latest)', year)
    .addOption(new Option('--method <method>', 'need estimation method (default: all)').choices(GAP_METHODS as unknown as string[]))
    .addOption(new Option('--country <country>', 'when the code exists in several countries').choices(['BG', 'UA', 'PL']))
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .action(async (options: { territory: string; year?: number; method?: TGapMethod; country?: TCountry; format: 'json' | 'csv' }) => {
      const language = cliLanguage(program.opts().lang);
      code = await withDatabase(language, (ctx) => gapCommand(ctx, options));
    });

  program
    .command('export')
    .description('write a table as CSV or XLSX, in the import formats where there is one')
    .addArgument(new Command().createArgument('<table>', 'the table').choices(['territories', 'population', 'indicators', 'services', 'norms', 'service-types', 'gaps', 'audit']))
    .requiredOption('--out <file>', 'file to write')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).default('csv'))
    .option('--territory <code>', 'only this territory and what lies within it')
    .addOption(new Option('--country <country>').choices(['BG', 'UA', 'PL']))
    .option('--year <year>', 'only this year', year)
    .addOption(new Option('--method <method>').choices(GAP_METHODS as unknown as string[]))
    .action(async (table: string, options: { out: string; format: 'csv' | 'xlsx'; territory?: string; country?: TCountry; year?: number; method?: TGapMethod }) => {
      const language = cliLanguage(program.opts().lang);
      code = await withDatabase(language, (ctx) => exportCommand(ctx, { table: table as never, ...options }));
    });

  program
    .command('document')
    .description("write an official document of a territory for a year, in the country's language unless --lang is given")
    .addArgument(new Command().createArgument('<kind>', 'the document').choices(OFFICIAL_KINDS))
    .requiredOption('--territory <code>', 'the territory (EKATTE, KATOTTG or TERYT code)')
    .addOption(new Option('--country <country>', 'when the code exists in several countries').choices(['BG', 'UA', 'PL']))
    .requiredOption('--year <year>', 'the year the document is for', year)
    .addOption(new Option('--format <format>', 'file format').choices(['docx', 'pdf']).default('docx'))
    .requiredOption('--out <file>', 'file to write')
    .action(async (kind: TOfficialKind, options: { territory: string; country?: TCountry; year: number; format: 'docx' | 'pdf'; out: string }) => {
      const explicit = program.opts().lang as string | undefined;
      const language = cliLanguage(explicit);
      code = await withDatabase(language, (ctx) => documentCommand(ctx, kind, { ...options, language: explicit ? language : undefined }));
    });

  const survey = program.command('survey').description('questionnaires of a needs assessment: XLSForm import, responses, statistics');
  const id = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0 || n > INT4_MAX) throw new InvalidArgumentError('expected a positive whole number');
    return n;
  };
  survey
    .command('import-xlsform')
    .description('create a questionnaire from an XLSForm file (ODK, KoboToolbox); lists what could not be converted')
    .argument('<file>', 'the XLSForm (.xlsx)')
    .option('--territory <code>', 'territory the questionnaire asks about (KATOTTG, EKATTE, TERYT code)')
    .addOption(new Option('--country <country>', 'when the code exists in several countries').choices(['BG', 'UA', 'PL']))
    .option('--assessment <id>', 'needs assessment the questionnaire belongs to (its territory is then used)', id)
    .option('--title <title>', "the questionnaire's title (default: the form's title)")
    .option('--language <language>', "language of the form's texts in columns that name none, e.g. en or \"English (en)\" (the settings sheet's default_language wins; without either, none is claimed)")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, options: { territory?: string; country?: TCountry; assessment?: number; title?: string; language?: string; format: 'text' | 'json' }) => {
      const language = cliLanguage(program.opts().lang);
      const bytes = readInput(file);
      code = await withDatabase(language, (ctx) => importXlsFormCommand(ctx, { file, bytes, ...options }));
    });
  survey
    .command('import-responses')
    .description('import completed questionnaires from CSV or XLSX (e.g. a KoboToolbox export), all or nothing; responses imported before are left out')
    .argument('<file>', 'the file')
    .requiredOption('--questionnaire <id>', 'questionnaire id', id)
    .option('--group <key>', 'respondent group of rows without a respondent_group column')
    .action(async (file: string, options: { questionnaire: number; group?: string }) => {
      const language = cliLanguage(program.opts().lang);
      const bytes = readInput(file);
      code = await withDatabase(language, (ctx) => importResponsesCommand(ctx, { file, bytes, ...options }));
    });
  survey
    .command('stats')
    .description('per question and option: count and share; for numbers: n, mean, median')
    .requiredOption('--questionnaire <id>', 'questionnaire id', id)
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .action(async (options: { questionnaire: number; format: 'json' | 'csv' }) => {
      const language = cliLanguage(program.opts().lang);
      code = await withDatabase(language, (ctx) => surveyStatsCommand(ctx, options));
    });

  const user = program.command('user').description('accounts');
  user
    .command('create')
    .description('create an account; prints a one-time password unless --password is given')
    .requiredOption('--login <login>', 'sign-in name (e.g. an e-mail address)')
    .requiredOption('--name <name>', "the person's name")
    .addOption(new Option('--role <role>', 'role').choices(ROLES as unknown as string[]).makeOptionMandatory())
    .option('--territory <code>', 'territory the account is scoped to (all roles but admin)')
    .addOption(new Option('--country <country>').choices(['BG', 'UA', 'PL']))
    .option('--organisation <name>', "for providers: the provider's name")
    .addOption(new Option('--language <language>', 'language of the account').choices(LANGUAGES as unknown as string[]).default('en'))
    .option('--password <password>', 'a chosen password (at least 12 characters); otherwise a one-time one')
    .action(async (options: { login: string; name: string; role: TRole; territory?: string; country?: TCountry; organisation?: string; language: TLanguage; password?: string }) => {
      const language = cliLanguage(program.opts().lang);
      code = await withDatabase(language, (ctx) => userCreateCommand(ctx, options));
    });

  user
    .command('reset-password')
    .description('give an account a new one-time password (printed), to be changed at the next sign-in; its sessions end')
    .argument('<login>', 'sign-in name of the account')
    .action(async (login: string) => {
      const language = cliLanguage(program.opts().lang);
      code = await withDatabase(language, (ctx) => userResetPasswordCommand(ctx, login));
    });

  program
    .command('deadline')
    .description('print the date (YYYY-MM-DD) a period ends on: N calendar days or N working days after a date, moved past weekends and public holidays of the country')
    .addOption(new Option('--country <country>', 'country whose working days count').choices(['BG', 'UA', 'PL']).makeOptionMandatory())
    .requiredOption('--from <date>', 'the day the period counts from (not counted), YYYY-MM-DD', isoDateArgument)
    .addOption(new Option('--days <n>', 'calendar days').argParser(dayCountArgument).conflicts('workingDays'))
    .addOption(new Option('--working-days <n>', 'working days').argParser(dayCountArgument))
    .action(async function (this: Command, options: { country: TCountry; from: string; days?: number; workingDays?: number }) {
      if (options.days === undefined && options.workingDays === undefined) this.error("error: give one of '--days <n>' or '--working-days <n>'", { exitCode: 2 });
      if (!deadlineUsesDatabase()) {
        code = deadlineCommand(io, options);
        return;
      }
      // With a database, the administrators' amendments of the calendar, as the server applies them.
      code = await withDatabase(cliLanguage(program.opts().lang), async (ctx) => deadlineCommand(io, { ...options, calendar: await calendarOf(ctx.database.db, options.country) }));
    });

  program
    .command('migrate')
    .description('bring the database up to date: its schema and the reference catalogue of service types')
    .action(async () => {
      const language = cliLanguage(program.opts().lang);
      code = await withDatabase(language, async (ctx) => {
        ctx.io.out(translator(language)('cli.migrated') + '\n');
        return 0;
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const t = translator(cliLanguage(program.opts().lang));
    if (error instanceof CliError) {
      io.err(t(error.key, error.params) + '\n');
      return error.exitCode;
    }
    if (error instanceof AppError) {
      io.err(t(`errors.${error.code}`, error.params) + '\n');
      return error.code === 'validation.invalid' ? 2 : 1;
    }
    // A stack trace says nothing to the person at the console; the message's first line does.
    const message = error instanceof Error ? error.message : String(error);
    io.err(t('cli.unexpected', { message: message.split('\n')[0]!.slice(0, 500) }) + '\n');
    return 1;
  } finally {
    await (database as Database | null)?.close();
  }
  return code;
}
