import { useEffect, useState } from 'react';
import { Alert, Button, Group, Menu, Modal, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconChevronDown, IconLanguage, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../components/DialogActions';
import { RowAction } from '../components/RowAction';
import { WARNING_COLOUR } from './colours';
import { AddElementButtons, ElementCard, type TElementActions } from './ElementCard';
import { FORM_LANGUAGES, languageName } from './languages';
import {
  addElement,
  changeKind,
  dependentsOf,
  kindOf,
  mapElements,
  moveElement,
  movePage,
  newPage,
  newPanel,
  newQuestion,
  nextName,
  removeElement,
  renameReferences,
  textIn,
  untranslatedCounts,
  walk,
  type TDraft,
  type TElement,
  type TElementProblem,
  type TPage,
  type TTexts,
} from './survey-definition';
import { TranslatedText } from './TranslatedText';

type TPendingDelete = { kind: 'element'; element: TElement; label: string; dependents: number } | { kind: 'page'; page: TPage; label: string } | { kind: 'language'; language: string };

/**
 * The questionnaire's content: its languages, its title, and page by page its questions and
 * groups in order. Changes stay in the draft until "Save as new version".
 */
export function DesignEditor({
  draft,
  onChange,
  problems,
  showAll,
  attempt,
  readOnly,
}: {
  draft: TDraft;
  onChange: (update: (d: TDraft) => TDraft) => void;
  problems: TElementProblem[];
  showAll: boolean;
  /** Counts tries to save: each opens the questions that keep the draft from being saved. */
  attempt: number;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<TPendingDelete | null>(null);
  const [languageToAdd, setLanguageToAdd] = useState<string | null>(null);
  const first = draft.languages[0]!;
  useEffect(() => {
    if (attempt > 0 && problems.length) setOpen((s) => new Set([...s, ...problems.map((p) => p.uid)]));
  }, [attempt]);
  const untranslated = untranslatedCounts(draft);
  const missingLanguages = Object.entries(untranslated).filter(([, n]) => n > 0);

  const labelOf = (e: TElement) => {
    const texts = (kindOf(e.raw) === 'note' ? e.raw.html : e.raw.title) as TTexts | undefined;
    return textIn(texts, first, [first]).replace(/<[^>]+>/g, ' ').trim() || String(e.raw.name ?? '');
  };

  const actions: TElementActions = {
    update: (uid, raw) => onChange((d) => mapElements(d, uid, (e) => ({ ...e, raw }))),
    rename: (uid, from, to) =>
      onChange((d) => {
        const renamed = mapElements(d, uid, (e) => ({ ...e, raw: { ...e.raw, name: to } }));
        // Only a valid, free name carries the conditions along.
        const taken = walk(d).some((w) => w.element.uid !== uid && String(w.element.raw.name ?? '').toLowerCase() === to.toLowerCase());
        return /^[A-Za-z][A-Za-z0-9_]*$/.test(to) && !taken ? renameReferences(renamed, from, to) : renamed;
      }),
    changeKind: (uid, kind) => onChange((d) => mapElements(d, uid, (e) => changeKind(e, kind))),
    move: (uid, by) => onChange((d) => moveElement(d, uid, by)),
    remove: (element) => setPending({ kind: 'element', element, label: labelOf(element), dependents: dependentsOf(draft, String(element.raw.name ?? '')).length }),
    add: (containerUid, what) => {
      const created = what === 'panel' ? newPanel(nextName(draft, 'group')) : newQuestion(what, nextName(draft, 'q'));
      onChange((d) => addElement(d, containerUid, created));
      setOpen((s) => new Set(s).add(created.uid));
      // Straight to the new question's text, as a person expects after "add".
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`#editor-${created.uid} [data-testid="element-title-${first}"], #editor-${created.uid} textarea, #editor-${created.uid} input[data-testid="element-name"]`)?.focus());
    },
    toggle: (uid) =>
      setOpen((s) => {
        const next = new Set(s);
        if (next.has(uid)) next.delete(uid);
        else next.add(uid);
        return next;
      }),
  };

  const confirmDelete = () => {
    if (!pending) return;
    if (pending.kind === 'element') onChange((d) => removeElement(d, pending.element.uid));
    if (pending.kind === 'page') onChange((d) => ({ ...d, pages: d.pages.filter((p) => p.uid !== pending.page.uid) }));
    if (pending.kind === 'language') onChange((d) => ({ ...d, languages: d.languages.filter((l) => l !== pending.language) }));
    setPending(null);
  };

  const addable = FORM_LANGUAGES.filter((l) => !draft.languages.includes(l));

  return (
    <Stack gap="md" data-testid="designer">
      <Paper withBorder p="sm">
        <Title order={2} size="h4" mb="xs">
          {t('designer.languages.title')}
        </Title>
        <Text size="sm" c="gray.7" mb="xs">
          {t('designer.languages.hint')}
        </Text>
        <Group gap="xs" align="flex-end" wrap="wrap">
          {draft.languages.map((language, i) => (
            <Menu key={language} position="bottom-start" withinPortal disabled={readOnly || draft.languages.length === 1}>
              <Menu.Target>
                <Button
                  variant={i === 0 ? 'filled' : 'default'}
                  size="xs"
                  lang={language}
                  rightSection={!readOnly && draft.languages.length > 1 ? <IconChevronDown size={12} aria-hidden /> : null}
                  data-testid={`language-${language}`}
                >
                  {languageName(language)}
                  {i === 0 ? ` · ${t('designer.defaultLanguage')}` : ''}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {i > 0 ? (
                  <Menu.Item onClick={() => onChange((d) => ({ ...d, languages: [language, ...d.languages.filter((l) => l !== language)] }))} data-testid="make-default-language">
                    {t('designer.languages.makeDefault')}
                  </Menu.Item>
                ) : null}
                {i > 0 ? (
                  <Menu.Item color="red.9" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setPending({ kind: 'language', language })} data-testid="remove-language">
                    {t('designer.languages.remove')}
                  </Menu.Item>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          ))}
          {!readOnly && addable.length ? (
            <Group gap="xs" align="flex-end">
              <Select
                label={t('designer.languages.add')}
                data={addable.map((l) => ({ value: l, label: languageName(l) }))}
                value={languageToAdd}
                onChange={setLanguageToAdd}
                size="xs"
                w={180}
                comboboxProps={{ withinPortal: true }}
                data-testid="add-language-select"
              />
              <Button
                size="xs"
                variant="default"
                leftSection={<IconLanguage size={14} aria-hidden />}
                disabled={!languageToAdd}
                onClick={() => {
                  if (!languageToAdd) return;
                  onChange((d) => ({ ...d, languages: [...d.languages, languageToAdd] }));
                  setLanguageToAdd(null);
                }}
                data-testid="add-language"
              >
                {t('designer.languages.addButton')}
              </Button>
            </Group>
          ) : null}
        </Group>
        {missingLanguages.length ? (
          <Alert color="orange" variant="light" mt="sm" data-testid="untranslated-summary">
            {missingLanguages.map(([l, n]) => t('designer.untranslatedIn', { count: n, language: languageName(l) })).join(' ')}
          </Alert>
        ) : null}
      </Paper>

      <Paper withBorder p="sm">
        <TranslatedText
          label={t('designer.formTitle')}
          texts={draft.title}
          languages={draft.languages}
          onChange={(title) => onChange((d) => ({ ...d, title }))}
          readOnly={readOnly}
          testId="form-title"
        />
        <Text size="xs" c="gray.7" mt={4}>
          {t('designer.formTitleHint')}
        </Text>
      </Paper>

      {draft.pages.map((page, index) => {
        const pageLabel = t('designer.pageN', { n: index + 1 });
        return (
          <Paper key={page.uid} withBorder p="sm" component="section" aria-labelledby={`page-${page.uid}`} data-testid="designer-page">
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Title order={2} size="h4" id={`page-${page.uid}`}>
                {pageLabel}
                {textIn(page.raw.title as TTexts | undefined, first, [first]) ? (
                  <>
                    : <span lang={first}>{textIn(page.raw.title as TTexts, first, [first])}</span>
                  </>
                ) : null}
              </Title>
              {!readOnly ? (
                <Group gap={2} wrap="nowrap">
                  <RowAction tooltip={t('designer.moveUp')} label={t('designer.moveUpNamed', { name: pageLabel })} icon={IconArrowUp} onClick={() => onChange((d) => movePage(d, page.uid, -1))} testId="page-up" />
                  <RowAction tooltip={t('designer.moveDown')} label={t('designer.moveDownNamed', { name: pageLabel })} icon={IconArrowDown} onClick={() => onChange((d) => movePage(d, page.uid, 1))} testId="page-down" />
                  {draft.pages.length > 1 ? (
                    <RowAction tooltip={t('common.delete')} label={t('designer.deleteNamed', { name: pageLabel })} icon={IconTrash} onClick={() => setPending({ kind: 'page', page, label: pageLabel })} testId="page-delete" danger />
                  ) : null}
                </Group>
              ) : null}
            </Group>
            <TranslatedText
              label={t('designer.pageTitle')}
              texts={page.raw.title as TTexts | undefined}
              languages={draft.languages}
              onChange={(title) => onChange((d) => ({ ...d, pages: d.pages.map((p) => (p.uid === page.uid ? { ...p, raw: { ...p.raw, title } } : p)) }))}
              readOnly={readOnly}
              testId="page-title"
            />
            <Stack gap="xs" mt="sm">
              {page.elements.length ? (
                <Stack component="ol" gap="xs" m={0} p={0} aria-label={t('designer.pageQuestions', { name: pageLabel })}>
                  {page.elements.map((element) => (
                    <ElementCard key={element.uid} element={element} draft={draft} open={open} problems={problems} showAll={showAll} readOnly={readOnly} actions={actions} />
                  ))}
                </Stack>
              ) : (
                <Text size="sm" c="gray.7" data-testid="empty-page">
                  {t('designer.emptyPage')}
                </Text>
              )}
              {!readOnly ? <AddElementButtons containerUid={page.uid} allowPanel actions={actions} label={pageLabel} /> : null}
            </Stack>
          </Paper>
        );
      })}

      {!readOnly ? (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => onChange((d) => ({ ...d, pages: [...d.pages, newPage(nextName(d, 'page'))] }))}
            data-testid="add-page"
          >
            {t('designer.addPage')}
          </Button>
        </Group>
      ) : null}

      <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('designer.deleteTitle')}>
        <Stack>
          <Text data-testid="delete-message">
            {pending?.kind === 'element'
              ? t('designer.deleteElement', { name: pending.label })
              : pending?.kind === 'page'
                ? t('designer.deletePage', { name: pending.label, count: pending.page.elements.length })
                : pending?.kind === 'language'
                  ? t('designer.deleteLanguage', { language: languageName(pending.language) })
                  : null}
          </Text>
          {pending?.kind === 'element' && pending.dependents > 0 ? (
            <Text size="sm" c={WARNING_COLOUR}>
              {t('designer.deleteDependents', { count: pending.dependents })}
            </Text>
          ) : null}
          <Text size="sm" c="gray.7">
            {t('designer.deleteDraftNote')}
          </Text>
          <DialogActions onCancel={() => setPending(null)} onConfirm={confirmDelete} confirmLabel={t('common.delete')} confirmTestId="confirm-delete" danger />
        </Stack>
      </Modal>
    </Stack>
  );
}
