import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Model } from 'survey-core';
import { isLanguage } from '@potreby/i18n';
import type { TPublicForm } from '@potreby/server/surveys/schema';
import { ownLanguageName, preferredLanguage } from './respondent-language';
import { formAddress, FORM_REQUEST, takeEarly, tokenOf } from './early-form';
import { FirstPage } from './FirstPage';
import { handOver, initialValues, lightFirstPage, type TLightValues } from './first-page';
import { enqueue, findEntry, OutboxSender } from './outbox';
import './public-form.css';

type TDraft = { answers: Record<string, unknown>; page: number; language: string | null; submissionKey?: string };

const storageKey = (token: string, what: 'draft' | 'last' | 'form') => `potreby.publicForm.${token}.${what}`;

function readJson<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

class FormClosed extends Error {}

type TSurveyJs = typeof import('./survey-part');
let surveyJsLoading: Promise<TSurveyJs> | null = null;
/** SurveyJS, fetched once (a failed try is tried again on the next call). */
function loadSurveyJs(): Promise<TSurveyJs> {
  surveyJsLoading ??= import('./survey-part').catch((e: unknown) => {
    surveyJsLoading = null;
    throw e;
  });
  return surveyJsLoading;
}

/**
 * SurveyJS once it is here. Fetched only when `wanted`: right after the first question is drawn
 * (the light first page), or at once (a first page only SurveyJS can draw). Without a connection
 * (a page opened from the device) it is tried again when the browser is back online.
 */
function useSurveyJs(wanted: boolean): TSurveyJs | null {
  const [module, setModule] = useState<TSurveyJs | null>(null);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    const load = () =>
      loadSurveyJs().then(
        (m) => live && setModule(() => m),
        () => undefined,
      );
    void load();
    window.addEventListener('online', load);
    return () => {
      live = false;
      window.removeEventListener('online', load);
    };
  }, [wanted, module]);
  return module;
}

/**
 * The service worker that keeps this page (and its built files) on the device, so that it opens
 * again without a connection. Browsers allow it only on https and localhost; elsewhere the page
 * works as before, online.
 */
function keepPageOffline(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register('/public-form-sw.js', { scope: '/f/' })
    .then(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      // What was loaded before the worker took over.
      const assets = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => u.startsWith(`${window.location.origin}/assets/`));
      for (const s of document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="stylesheet"], link[rel="modulepreload"]')) {
        const url = 'src' in s ? s.src : s.href;
        if (url.startsWith(`${window.location.origin}/assets/`)) assets.push(url);
      }
      worker?.postMessage({ type: 'keep', page: window.location.pathname, assets: [...new Set(assets)] });
    })
    .catch(() => undefined);
}

/** The form for a link: from the server, else (no connection) the copy kept from the last visit. */
async function loadForm(token: string): Promise<TPublicForm> {
  let res: Response;
  try {
    res = await (takeEarly(token) ?? fetch(formAddress(token), FORM_REQUEST));
  } catch (e) {
    const cached = readJson<TPublicForm>(storageKey(token, 'form'));
    if (cached) return cached;
    throw e;
  }
  if (res.status === 404 || res.status === 410) throw new FormClosed();
  if (!res.ok) {
    const cached = readJson<TPublicForm>(storageKey(token, 'form'));
    if (cached) return cached;
    throw new Error(String(res.status));
  }
  const form = (await res.json()) as TPublicForm;
  localStorage.setItem(storageKey(token, 'form'), JSON.stringify(form));
  return form;
}

/**
 * The form for a link, tried three times (not when it is closed). Without react-query and the
 * router: the page is drawn without either (main.tsx), which a respondent's phone then does not
 * download.
 */
function usePublicForm(token: string) {
  const [state, setState] = useState<{ data: TPublicForm | undefined; error: unknown; isPending: boolean }>({ data: undefined, error: null, isPending: true });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      for (let n = 0; ; n++) {
        try {
          const data = await loadForm(token);
          if (live) setState({ data, error: null, isPending: false });
          return;
        } catch (error) {
          if (error instanceof FormClosed || n >= 2) {
            if (live) setState((s) => ({ data: s.data, error, isPending: false }));
            return;
          }
          await new Promise((resolve) => window.setTimeout(resolve, 1000 * 2 ** n));
          if (!live) return;
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [token, attempt]);
  const refetch = useCallback(() => {
    setState((s) => ({ data: s.data, error: null, isPending: !s.data }));
    setAttempt((n) => n + 1);
  }, []);
  return { ...state, refetch };
}

/**
 * The respondent's questionnaire behind a public link (or its QR code): no sign-in, made for a
 * phone, anonymous. Answers are kept on the device as they are given; a completed form is queued
 * on the device with its submission key and sent when there is a connection — exactly once.
 */
export function PublicFormPage() {
  const token = tokenOf(window.location.pathname) ?? '';
  const { i18n } = useTranslation();
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const honeypot = useRef<HTMLInputElement>(null);
  const [lastKey, setLastKey] = useState<string | null>(() => localStorage.getItem(storageKey(token, 'last')));

  const form = usePublicForm(token);
  const data = form.data;
  const languages = useMemo(() => (data ? (data.languages.length ? data.languages : [String(data.definition.locale ?? i18n.language)]) : []), [data]);
  const [chosen, setChosen] = useState<string | null>(() => readJson<TDraft>(storageKey(token, 'draft'))?.language ?? null);
  const language = chosen && languages.includes(chosen) ? chosen : (preferredLanguage(languages) ?? i18n.language);
  // The page's own words in the form's language when it is one of ours.
  const t = useMemo(() => i18n.getFixedT(isLanguage(language) ? language : i18n.language), [language, i18n.language]);

  useEffect(() => {
    const before = document.documentElement.lang;
    document.documentElement.lang = language;
    return () => {
      document.documentElement.lang = before;
    };
  }, [language]);
  useEffect(() => {
    document.title = data ? `${data.title}` : t('publicForm.pageTitle');
  }, [data, t]);

  // The first page without SurveyJS (first-page.ts), when it is simple enough and the respondent
  // has not gone past it already; kept until "Next" even if SurveyJS arrives before that, so
  // nothing being typed is lost.
  const [handedOver, setHandedOver] = useState(false);
  const [nextPressed, setNextPressed] = useState(false);
  const light = useMemo(() => {
    if (!data) return null;
    const draft = readJson<TDraft>(storageKey(token, 'draft'));
    if (draft && draft.page > 0) return null;
    return lightFirstPage(data.definition, language, languages);
  }, [data, language, languages]);
  const [lightValues, setLightValues] = useState<TLightValues | null>(null);
  const lightShown = !!light && !handedOver;
  // Until the first change, what the device kept from an earlier visit.
  const shownValues = useMemo(() => (light ? (lightValues ?? initialValues(light, readJson<TDraft>(storageKey(token, 'draft'))?.answers)) : null), [light, lightValues]);
  const changeLight = (values: TLightValues) => {
    setLightValues(values);
    // Kept on the device as typed, as SurveyJS keeps its answers (below).
    const draftKey = storageKey(token, 'draft');
    const previous = readJson<TDraft>(draftKey);
    const next: TDraft = { answers: handOver(light!, values, previous?.answers ?? {}), page: 0, language, ...(previous?.submissionKey ? { submissionKey: previous.submissionKey } : {}) };
    localStorage.setItem(draftKey, JSON.stringify(next));
  };
  // SurveyJS: after the light page is drawn (its effects run after the first paint), else now.
  const surveyJs = useSurveyJs(!!data);

  // The outbox: sent now, when the browser is back online, when the page is shown again, and
  // later with growing pauses; also whatever other forms left on this device.
  const sender = useMemo(
    () =>
      new OutboxSender({
        storage: localStorage,
        fetch: (...args) => window.fetch(...args),
        freshFormToken: async (linkToken) => {
          const res = await window.fetch(formAddress(linkToken), FORM_REQUEST);
          if (res.status === 404 || res.status === 410) return null;
          if (!res.ok) throw new Error(String(res.status));
          return ((await res.json()) as TPublicForm).formToken;
        },
        setTimer: (fn, ms) => window.setTimeout(fn, ms),
        clearTimer: (handle) => window.clearTimeout(handle as number),
        onChange: () => refresh(),
      }),
    [],
  );
  useEffect(() => {
    // Only once the page works: the worker keeps what this visit loaded; again once SurveyJS is
    // here (the pages after the first need it, also without a connection).
    if (data) keepPageOffline();
  }, [!!data, !!surveyJs]);
  useEffect(() => {
    const flush = () => void sender.flush();
    const onVisible = () => document.visibilityState === 'visible' && flush();
    flush();
    window.addEventListener('online', flush);
    window.addEventListener('offline', refresh);
    window.addEventListener('storage', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      sender.stop();
      window.removeEventListener('online', flush);
      window.removeEventListener('offline', refresh);
      window.removeEventListener('storage', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [sender]);

  const complete = useCallback(
    (model: Model) => {
      if (!data) return;
      const draftKey = storageKey(token, 'draft');
      const draft = readJson<TDraft>(draftKey);
      // Made once: a form completed again after a reload keeps its key, so it is stored once.
      const submissionKey = draft?.submissionKey ?? surveyJs!.newSubmissionKey();
      const answers = model.data as Record<string, unknown>;
      localStorage.setItem(draftKey, JSON.stringify({ ...(draft ?? { page: 0, language }), answers, submissionKey }));
      enqueue(localStorage, {
        token,
        submissionKey,
        answers,
        formToken: data.formToken,
        website: honeypot.current?.value ?? '',
        queuedAt: new Date().toISOString(),
        attempts: 0,
        state: 'waiting',
      });
      localStorage.setItem(storageKey(token, 'last'), submissionKey);
      localStorage.removeItem(draftKey);
      setLastKey(submissionKey);
      void sender.flush();
      window.scrollTo({ top: 0 });
    },
    [data, token, language, sender, surveyJs],
  );

  const model = useMemo(() => {
    if (!data || !surveyJs) return null;
    const m = surveyJs.makeSurveyModel(data.definition, language, languages);
    m.showTitle = false;
    const draft = readJson<TDraft>(storageKey(token, 'draft'));
    if (draft) {
      m.data = draft.answers;
      if (draft.page > 0 && draft.page < m.visiblePageCount) m.currentPageNo = draft.page;
    }
    const save = () => {
      const previous = readJson<TDraft>(storageKey(token, 'draft'));
      const next: TDraft = { answers: m.data as Record<string, unknown>, page: m.currentPageNo, language, ...(previous?.submissionKey ? { submissionKey: previous.submissionKey } : {}) };
      localStorage.setItem(storageKey(token, 'draft'), JSON.stringify(next));
    };
    m.onValueChanged.add(save);
    m.onCurrentPageChanged.add(save);
    return m;
  }, [data, language, surveyJs]);

  useEffect(() => {
    if (!model) return;
    const onComplete = (sender: Model) => complete(sender);
    model.onComplete.add(onComplete);
    return () => model.onComplete.remove(onComplete);
  }, [model, complete]);

  // The hand-over: the light page's answers to SurveyJS, which checks the page with its own rules
  // and goes on (or completes a one-page form), else shows its messages on page 1.
  useEffect(() => {
    if (!model || !light || !nextPressed || handedOver) return;
    model.data = handOver(light, shownValues!, (model.data ?? {}) as Record<string, unknown>);
    setHandedOver(true);
    model.performNext();
  }, [model, light, nextPressed, handedOver, shownValues]);

  const startAgain = () => {
    localStorage.removeItem(storageKey(token, 'last'));
    localStorage.removeItem(storageKey(token, 'draft'));
    setLastKey(null);
    setLightValues(null);
    setNextPressed(false);
    setHandedOver(false);
    form.refetch();
  };

  // What became of the last completed form.
  const entry = lastKey ? findEntry(localStorage, lastKey) : null;
  const status: 'none' | 'sent' | 'sending' | 'saved' | 'rejected' | 'closed' = !lastKey
    ? 'none'
    : !entry
      ? 'sent'
      : entry.state !== 'waiting'
        ? entry.state
        : sender.busy && entry.attempts === 0
          ? 'sending'
          : 'saved';
  // No connection: the browser says so, or the last try could not reach the server (a page
  // reopened without a connection may not know it yet).
  const offline = (typeof navigator !== 'undefined' && navigator.onLine === false) || entry?.lastFailure === 'offline';

  const header = data ? (
    <div className="pf-header">
      <div className="pf-title-row">
        <h1 className="pf-title" lang={language} data-testid="public-title">
          {model?.title || data.title}
        </h1>
        {languages.length > 1 ? (
          <div className="pf-language">
            <label htmlFor="potreby-form-language">{t('publicForm.language')}</label>
            <select id="potreby-form-language" value={language} onChange={(e) => setChosen(e.currentTarget.value)} data-testid="public-language">
              {languages.map((l) => (
                <option key={l} value={l}>
                  {ownLanguageName(l)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {data.group ? (
        <p className="pf-group" data-testid="public-group">
          {t('publicForm.forGroup', { group: data.group })}
        </p>
      ) : null}
      <div className="pf-alert pf-info" data-testid="public-anonymous">
        <p>{t('publicForm.anonymous')}</p>
      </div>
    </div>
  ) : null;

  /** A message box: Mantine's light alert, drawn without Mantine (main.tsx). */
  const alert = (kind: 'info' | 'success' | 'warning' | 'danger' | 'muted', testId: string, title: ReactNode, body: ReactNode) => (
    <div className={`pf-alert pf-${kind}`} data-testid={testId}>
      {title ? <div className="pf-alert-title">{title}</div> : null}
      <div>{body}</div>
    </div>
  );

  return (
    <main className="public-form" lang={language}>
      <div className="pf-container">
        {form.isPending ? (
          <div className="pf-center">
            <span className="pf-loader" role="status" aria-label={t('publicForm.loading')} />
          </div>
        ) : form.error instanceof FormClosed ? (
          alert('muted', 'public-closed', <h1 className="pf-alert-heading">{t('publicForm.closedTitle')}</h1>, t('publicForm.closedText'))
        ) : form.error || !data ? (
          alert(
            'danger',
            'public-error',
            <h1 className="pf-alert-heading">{t('publicForm.errorTitle')}</h1>,
            <>
              <p>{t('publicForm.errorText')}</p>
              <button type="button" className="pf-button" onClick={() => form.refetch()}>
                {t('publicForm.tryAgain')}
              </button>
            </>,
          )
        ) : (
          <>
            {header}
            <div role="status" aria-live="polite" data-testid="public-status" data-status={status}>
              {status === 'sent'
                ? alert('success', 'public-sent', t('publicForm.sentTitle'), t('publicForm.sentText'))
                : status === 'sending'
                  ? alert('info', 'public-sending', t('publicForm.sendingTitle'), t('publicForm.sendingText'))
                  : status === 'saved'
                    ? alert('warning', 'public-saved', t('publicForm.savedTitle'), t(offline ? 'publicForm.savedOffline' : 'publicForm.savedRetry'))
                    : status === 'rejected'
                      ? alert('danger', 'public-rejected', t('publicForm.rejectedTitle'), t('publicForm.rejectedText'))
                      : status === 'closed'
                        ? alert('muted', 'public-closed-after', t('publicForm.closedTitle'), t('publicForm.closedAfterText'))
                        : null}
            </div>
            {status === 'none' && lightShown ? (
              <div data-testid="public-form">
                <FirstPage page={light} values={shownValues!} onChange={changeLight} onNext={() => setNextPressed(true)} waiting={nextPressed} t={t} />
              </div>
            ) : status === 'none' && model && surveyJs ? (
              <div className="potreby-survey" data-testid="public-form">
                <surveyJs.Survey model={model} />
              </div>
            ) : status !== 'none' ? (
              <div className="pf-actions">
                <button type="button" className="pf-button" onClick={startAgain} data-testid="public-again">
                  {t('publicForm.again')}
                </button>
              </div>
            ) : (
              // SurveyJS is on its way: a first page only it can draw.
              <div className="pf-center">
                <span className="pf-loader" role="status" aria-label={t('publicForm.loading')} />
              </div>
            )}
            <p className="pf-kept">{t('publicForm.keptOnDevice')}</p>
          </>
        )}
        {/* For bots only: people neither see it nor hear it; a filled one is refused by the server. */}
        <div className="potreby-honeypot" aria-hidden="true">
          <label htmlFor="potreby-website">Website</label>
          <input ref={honeypot} id="potreby-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
      </div>
    </main>
  );
}
