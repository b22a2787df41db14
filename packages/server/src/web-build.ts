import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, WEB_DIR, WEB_DIST } from './config';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Is the built UI missing or older than the sources it is built from (UI, translations, static files, the build's own settings)? */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(newestMtime(join(WEB_DIR, 'src')), newestMtime(join(ROOT, 'packages/i18n/src')), newestMtime(join(ROOT, 'packages/domain/src')), newestMtime(join(WEB_DIR, 'public')), statSync(join(WEB_DIR, 'index.html')).mtimeMs, statSync(join(WEB_DIR, 'vite.config.ts')).mtimeMs);
  return sources > built;
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  // The first `npm start` builds the UI: its console is the operator's (a line per start), so
  // only errors are shown; bundle-size advice is for developers, who see it in `npm run build`.
  // Always the production build: Vite follows a NODE_ENV set by whoever started the app (vitest
  // sets `test`) and would ship React's development build and JSX, 0.2 MB more on every page.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'error', mode: 'production', build: { outDir: WEB_DIST } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
