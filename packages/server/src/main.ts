import { AppError } from '@potreby/domain';
import { translator } from '@potreby/i18n';
import { checkAdminPassword, ensureAdmin } from './accounts/ensure-admin';
import { serverConfig, VERSION, WEB_DIST } from './config';
import { configFromEnv, migrate, openDatabase } from './db/database';
import { buildApp } from './http/app';
import { redactError } from './http/log';
import { isEmpty, seedDemo } from './seed/seed-demo';
import { buildWeb, webBuildIsStale } from './web-build';

const config = serverConfig();
const t = translator('en');

async function main() {
  // Before anything slow: a weak POTREBY_ADMIN_PASSWORD stops the start at once.
  checkAdminPassword(config.adminPassword);
  if (webBuildIsStale()) {
    console.log(t('cli.buildingWeb'));
    await buildWeb();
  }
  const database = await openDatabase(configFromEnv());
  console.log(t('cli.database', { engine: database.engine, location: database.location }));
  // The schema and the reference catalogue of service types, demonstration or not.
  await migrate(database);
  if (await isEmpty(database.db)) {
    if (config.demo) {
      console.log(t('cli.seeding'));
      const started = Date.now();
      await seedDemo(database);
      console.log(t('cli.seeded', { seconds: ((Date.now() - started) / 1000).toFixed(1) }));
    } else console.log(t('cli.noDemo'));
  }
  const admin = await ensureAdmin(database.db, config.adminPassword);

  const app = await buildApp({ database, webDist: WEB_DIST, logger: process.env.LOG_LEVEL !== 'silent', trustProxy: config.trustProxy, version: VERSION });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  console.log(t('cli.listening', { url }));
  // Last, so that it is what the console shows: the only time this password is printed.
  if (admin.oneTimePassword) {
    console.log(t('cli.adminCreated', { login: admin.login, password: admin.oneTimePassword }));
  }

  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  if (error instanceof AppError && error.code === 'auth.weak_password') {
    const reason = (error.details as { issues?: { message: string }[] } | undefined)?.issues?.[0]?.message ?? 'password_too_short';
    console.error(t('cli.adminPasswordWeak', { reason: t(`cli.passwordProblems.${reason}`) }));
  } else if (error instanceof AppError) {
    console.error(t(`errors.${error.code}`, error.params));
  } else {
    // Redacted like the log: a failed statement's parameters may hold a password hash.
    const redacted = redactError(error);
    console.error(redacted.stack ?? redacted.message);
  }
  process.exit(1);
});
