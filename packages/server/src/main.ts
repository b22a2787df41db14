import { AppError } from '@potreby/domain';
import { translator } from '@potreby/i18n';
import { ensureAdmin } from './accounts/ensure-admin';
import { serverConfig, VERSION, WEB_DIST } from './config';
import { configFromEnv, migrate, openDatabase } from './db/database';
import { buildApp } from './http/app';
import { isEmpty, seedDemo } from './seed/seed-demo';
import { buildWeb, webBuildIsStale } from './web-build';

const config = serverConfig();
const t = translator('en');

async function main() {
  if (webBuildIsStale()) {
    console.log(t('cli.buildingWeb'));
    await buildWeb();
  }
  const database = await openDatabase(configFromEnv());
  console.log(t('cli.database', { engine: database.engine, location: database.location }));
  await migrate(database);
  if (config.demo && (await isEmpty(database.db))) {
    console.log(t('cli.seeding'));
    const started = Date.now();
    await seedDemo(database);
    console.log(t('cli.seeded', { seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  }
  const admin = await ensureAdmin(database.db, config.adminPassword);

  const app = await buildApp({ database, webDist: WEB_DIST, logger: process.env.LOG_LEVEL !== 'silent', trustProxy: config.trustProxy, version: VERSION });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  console.log(t('cli.listening', { url }));
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
  if (error instanceof AppError) {
    console.error(t(`errors.${error.code}`, error.params));
  } else {
    console.error(error);
  }
  process.exit(1);
});
