import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Alert, Box, Button, Center, Container, Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCloudUpload, IconDeviceMobile, IconLock, IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { isLanguage } from '@potreby/i18n';
import type { TPublicForm } from '@potreby/server/surveys/schema';
import { SUCCESS_COLOUR, WARNING_COLOUR } from '../questionnaires/colours';
import { ownLanguageName, preferredLanguage } from '../questionnaires/languages';
import { makeSurveyModel, newSubmissionKey } from '../questionnaires/survey-model';
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
    res = await fetch(`/api/v1/public/forms/${encodeURIComponent(token)}`, { headers: { accept: 'application/json' }, credentials: 'omit' });
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
 * The respondent's questionnaire behind a public link (or its QR code): no sign-in, made for a
 * phone, anonymous. Answers are kept on the device as they are given; a completed form is queued
 * on the device with its submission key and sent when there is a connection — exactly once.
 */
export function PublicFormPage() {
  const token = useParams().token ?? '';
  const { i18n } = useTranslation();
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const honeypot = useRef<HTMLInputElement>(null);
  const [lastKey, setLastKey] = useState<string | null>(() => localStorage.getItem(storageKey(token, 'last')));

  const form = useQuery({ queryKey: ['public-form', token], queryFn: () => loadForm(token), retry: (n, e) => !(e instanceof FormClosed) && n < 2, staleTime: Infinity });
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

  // The outbox: sent now, when the browser is back online, when the page is shown again, and
  // later with growing pauses; also whatever other forms left on this device.
  const sender = useMemo(
    () =>
      new OutboxSender({
        storage: localStorage,
        fetch: (...args) => window.fetch(...args),
        freshFormToken: async (linkToken) => {
          const res = await window.fetch(`/api/v1/public/forms/${encodeURIComponent(linkToken)}`, { headers: { accept: 'application/json' }, credentials: 'omit' });
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
    // Only once the page works: the worker keeps what this visit loaded.
    if (data) keepPageOffline();
  }, [!!data]);
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
      const submissionKey = draft?.submissionKey ?? newSubmissionKey();
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
    [data, token, language, sender],
  );

  const model = useMemo(() => {
    if (!data) return null;
    const m = makeSurveyModel(data.definition, language, languages);
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
  }, [data, language]);

  useEffect(() => {
    if (!model) return;
    const onComplete = (sender: Model) => complete(sender);
    model.onComplete.add(onComplete);
    return () => model.onComplete.remove(onComplete);
  }, [model, complete]);

  const startAgain = () => {
    localStorage.removeItem(storageKey(token, 'last'));
    localStorage.removeItem(storageKey(token, 'draft'));
    setLastKey(null);
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
    <Stack gap={6} mb="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={1} size="h3" lang={language} data-testid="public-title" style={{ overflowWrap: 'anywhere' }}>
          {model?.title || data.title}
        </Title>
        {languages.length > 1 ? (
          <NativeSelect
            label={t('publicForm.language')}
            value={language}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={languages.map((l) => ({ value: l, label: ownLanguageName(l) }))}
            size="sm"
            style={{ flexShrink: 0 }}
            data-testid="public-language"
          />
        ) : null}
      </Group>
      {data.group ? (
        <Text size="sm" c="gray.7" data-testid="public-group">
          {t('publicForm.forGroup', { group: data.group })}
        </Text>
      ) : null}
      <Alert color="blue" variant="light" icon={<IconLock aria-hidden />} p="xs" data-testid="public-anonymous">
        <Text size="sm">{t('publicForm.anonymous')}</Text>
      </Alert>
    </Stack>
  ) : null;

  return (
    <Box component="main" className="public-form" lang={language}>
      <Container size={720} px="sm" py="md">
        {form.isPending ? (
          <Center py="xl">
            <Loader role="status" aria-label={t('publicForm.loading')} />
          </Center>
        ) : form.error instanceof FormClosed ? (
          <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title={<Title order={1} size="h4">{t('publicForm.closedTitle')}</Title>} data-testid="public-closed">
            {t('publicForm.closedText')}
          </Alert>
        ) : form.error || !data ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={<Title order={1} size="h4">{t('publicForm.errorTitle')}</Title>} data-testid="public-error">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('publicForm.errorText')}</Text>
              <Button size="sm" variant="default" onClick={() => form.refetch()}>
                {t('publicForm.tryAgain')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <>
            {header}
            <div role="status" aria-live="polite" data-testid="public-status" data-status={status}>
              {status === 'sent' ? (
                <Alert color={SUCCESS_COLOUR} variant="light" icon={<IconCircleCheck aria-hidden />} title={t('publicForm.sentTitle')} data-testid="public-sent">
                  {t('publicForm.sentText')}
                </Alert>
              ) : status === 'sending' ? (
                <Alert color="blue" variant="light" icon={<IconCloudUpload aria-hidden />} title={t('publicForm.sendingTitle')} data-testid="public-sending">
                  {t('publicForm.sendingText')}
                </Alert>
              ) : status === 'saved' ? (
                <Alert color={WARNING_COLOUR} variant="light" icon={<IconDeviceMobile aria-hidden />} title={t('publicForm.savedTitle')} data-testid="public-saved">
                  {t(offline ? 'publicForm.savedOffline' : 'publicForm.savedRetry')}
                </Alert>
              ) : status === 'rejected' ? (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('publicForm.rejectedTitle')} data-testid="public-rejected">
                  {t('publicForm.rejectedText')}
                </Alert>
              ) : status === 'closed' ? (
                <Alert color="gray" variant="light" icon={<IconLock aria-hidden />} title={t('publicForm.closedTitle')} data-testid="public-closed-after">
                  {t('publicForm.closedAfterText')}
                </Alert>
              ) : null}
            </div>
            {status === 'none' && model ? (
              <Box className="potreby-survey" data-testid="public-form">
                <Survey model={model} />
              </Box>
            ) : status !== 'none' ? (
              <Group mt="md">
                <Button variant="default" onClick={startAgain} data-testid="public-again">
                  {t('publicForm.again')}
                </Button>
              </Group>
            ) : null}
            <Text size="xs" c="gray.7" mt="lg">
              {t('publicForm.keptOnDevice')}
            </Text>
          </>
        )}
        {/* For bots only: people neither see it nor hear it; a filled one is refused by the server. */}
        <div className="potreby-honeypot" aria-hidden="true">
          <label htmlFor="potreby-website">Website</label>
          <input ref={honeypot} id="potreby-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
      </Container>
    </Box>
  );
}
