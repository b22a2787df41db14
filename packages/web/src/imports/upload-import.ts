import type { TProblem } from '@potreby/server/http/schema';
import type { TImportKindParam, TImportResult } from '@potreby/server/imports/schema';
import { ApiError } from '../api/client';

/**
 * POST /imports/:kind with the file, reporting upload progress (fetch cannot). A rejected file
 * comes back as an ApiError whose problem carries the row-by-row report.
 */
export function uploadImport(
  kind: TImportKindParam,
  form: FormData,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
): Promise<TImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports/${kind}`);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as TImportResult);
        return;
      }
      const problem: TProblem =
        body && typeof body === 'object' && 'code' in body
          ? (body as TProblem)
          : { type: 'about:blank', title: xhr.statusText, status: xhr.status, code: 'internal' };
      reject(new ApiError(problem));
    };
    // The same kind of error fetch raises, so ErrorAlert says "network".
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.send(form);
  });
}
