import fastifyCompress from '@fastify/compress';
import { constants } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/**
 * Every text answer (the API's JSON and problem+json, the OpenAPI document, HTML, scripts, styles,
 * SVG such as the QR codes) compressed when the client asks for it: the public questionnaire is
 * opened on village mobile networks (issue 7). Brotli first, else gzip; nothing when the request
 * has no Accept-Encoding. Binary files (XLSX, DOCX, PDF, images) are already compressed and are
 * left as they are (mime-db says which types compress).
 *
 * Brotli's quality is 5 for answers made per request: close to the best ratio on JSON at a tenth
 * of quality 11's time. The built UI's files are compressed once, at quality 11, when the UI is
 * built (vite.config.ts) and served as they are (web-files.ts).
 *
 * Register before the static files (the plugin's order rule): its hook then leaves an answer that
 * already has a Content-Encoding alone.
 */
export async function compressAnswers(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    // Answers smaller than this gain less than the header costs.
    threshold: 1024,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    zlibOptions: { level: 6 },
    // Requests stay as they are: a compressed request body could expand past the body limit
    // before any check sees it, and no client of the app sends one.
    globalDecompression: false,
  });
  // Downloads (exports, documents) go as they are: they carry their size (the browser's progress
  // bar), a large CSV would cost the server a compression per download, and XLSX/DOCX/PDF are
  // compressed already. The plugin's own switch for this is the request's x-no-compression header;
  // this hook (global, so it runs before the plugin's per-route one) sets it for attachments.
  app.addHook('onSend', async (request, reply, payload) => {
    if (/^attachment/i.test(String(reply.getHeader('content-disposition') ?? ''))) request.headers['x-no-compression'] = '1';
    return payload;
  });
}
