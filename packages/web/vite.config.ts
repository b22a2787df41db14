import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Files worth compressing: text. Images and fonts are compressed in their own format. */
const TEXT = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // The build manifest is read by the server's tests, never sent to a browser.
      if (entry.name !== '.vite') out.push(...(await filesUnder(path)));
    } else out.push(path);
  }
  return out;
}

/**
 * name.br and name.gz beside every built text file, at the best ratio (Brotli 11, gzip 9), so the
 * server sends them as they are (@fastify/static's preCompressed) instead of compressing each
 * answer again. A small plugin of our own rather than a dependency: it is these few lines.
 * Files under 1 KB are left alone, as the server's own compression leaves them.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'potreby-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await filesUnder(outDir)).filter((f) => TEXT.test(f));
      await Promise.all(
        files.map(async (file) => {
          if ((await stat(file)).size < 1024) return;
          const bytes = await readFile(file);
          const [br, gz] = await Promise.all([
            brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
            gzipped(bytes, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Which chunks each screen loads: the public form's weight test checks it.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    // The translation files are fetched by address (src/app/i18n.ts): never inlined as data:
    // addresses, which the Content-Security-Policy (connect-src 'self') refuses.
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
});
