/**
 * The public form's definition asked for as soon as the app's first file runs (main.tsx), beside
 * its words and its screen's code rather than after them: on a village network each request
 * that waits for another costs a round trip (400 ms on "Slow 4G"). The form's screen takes the
 * answer once (loadForm in PublicFormPage.tsx); later loads ask again.
 */
const FORM_PATH = /^\/f\/([^/]+)\/?$/;

let early: { token: string; response: Promise<Response> } | null = null;

/** The address of a form's definition. */
export const formAddress = (token: string) => `/api/v1/public/forms/${encodeURIComponent(token)}`;
export const FORM_REQUEST: RequestInit = { headers: { accept: 'application/json' }, credentials: 'omit' };

/** The link's token when `pathname` is a public form's page. */
export function tokenOf(pathname: string): string | null {
  const match = FORM_PATH.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

export function askEarly(pathname: string): void {
  const token = tokenOf(pathname);
  if (!token) return;
  const response = fetch(formAddress(token), FORM_REQUEST);
  // Not taken (another screen), or failed: loadForm asks again and handles the failure then.
  response.catch(() => undefined);
  early = { token, response };
}

/** The early answer for `token`, once; null when there is none. */
export function takeEarly(token: string): Promise<Response> | null {
  if (early?.token !== token) return null;
  const { response } = early;
  early = null;
  return response;
}
