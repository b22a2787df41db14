import { useEffect, useState } from 'react';
import { Checkbox, Divider, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoicesEditor } from './ChoicesEditor';
import { ConditionEditor } from './ConditionEditor';
import { CHOICE_KINDS, htmlToText, kindOf, QUESTION_KINDS, textToHtml, type TChoice, type TDraft, type TElement, type TElementProblem, type TQuestionKind, type TTexts } from './survey-definition';
import { TranslatedText } from './TranslatedText';

/** Everything the editor changes on one question or group. */
export function ElementEditor({
  element,
  draft,
  problems,
  showAll,
  readOnly,
  onChange,
  onRename,
  onKindChange,
}: {
  element: TElement;
  draft: TDraft;
  problems: TElementProblem[];
  /** After a save was tried: show missing texts too, not only wrong names. */
  showAll: boolean;
  readOnly: boolean;
  onChange: (raw: TElement['raw']) => void;
  onRename: (from: string, to: string) => void;
  onKindChange: (kind: TQuestionKind) => void;
}) {
  const { t } = useTranslation();
  const raw = element.raw;
  const kind = kindOf(raw);
  const set = (key: string, value: unknown) => {
    const next = { ...raw };
    if (value === undefined || value === null || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };

  // The name is committed when the field is left, so that conditions mentioning the question
  // follow the new name only once it is complete (not letter by letter through other names).
  const committedName = String(raw.name ?? '');
  const [name, setName] = useState(committedName);
  useEffect(() => setName(committedName), [committedName]);
  const nameProblem = problems.find((p) => p.field === 'name');
  const localNameError = name !== committedName ? null : nameProblem ? t(`designer.problems.${nameProblem.code}`) : null;
  const titleProblem = showAll ? problems.find((p) => p.field === 'title') : undefined;
  const limitsProblem = problems.find((p) => p.field === 'limits');

  return (
    <Stack gap="sm" data-testid="element-editor">
      <Group align="flex-start" gap="sm" wrap="wrap">
        {kind !== 'panel' && kind !== 'other' ? (
          <Select
            label={t('designer.type')}
            data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`designer.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && onKindChange(v as TQuestionKind)}
            allowDeselect={false}
            disabled={readOnly}
            w={220}
            comboboxProps={{ withinPortal: true }}
            data-testid="element-kind"
          />
        ) : null}
        <TextInput
          label={t('designer.name')}
          description={t('designer.nameHint')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => name !== committedName && onRename(committedName, name.trim())}
          error={localNameError}
          readOnly={readOnly}
          w={260}
          required
          data-testid="element-name"
        />
      </Group>

      {kind === 'note' ? (
        <TranslatedText
          label={t('designer.noteText')}
          texts={Object.fromEntries(Object.entries((raw.html as TTexts | undefined) ?? {}).map(([l, html]) => [l, htmlToText(html)]))}
          languages={draft.languages}
          onChange={(texts) => {
            // Only the language typed in is rewritten: the others keep their markup (from an XLSForm).
            const html = { ...((raw.html as TTexts | undefined) ?? {}) };
            for (const [l, text] of Object.entries(texts)) if (text !== htmlToText(html[l] ?? '')) html[l] = textToHtml(text);
            set('html', html);
          }}
          multiline
          required
          error={titleProblem ? t(`designer.problems.${titleProblem.code}`) : null}
          readOnly={readOnly}
          testId="element-note"
        />
      ) : (
        <TranslatedText
          label={kind === 'panel' ? t('designer.groupTitle') : t('designer.questionText')}
          texts={raw.title as TTexts | undefined}
          languages={draft.languages}
          onChange={(texts) => set('title', texts)}
          required={kind !== 'panel'}
          error={titleProblem ? t(`designer.problems.${titleProblem.code}`) : null}
          readOnly={readOnly}
          testId="element-title"
        />
      )}

      {kind !== 'note' ? (
        <TranslatedText
          label={t('designer.description')}
          texts={raw.description as TTexts | undefined}
          languages={draft.languages}
          onChange={(texts) => set('description', Object.values(texts).some((s) => s.trim()) ? texts : undefined)}
          readOnly={readOnly}
          testId="element-description"
        />
      ) : null}

      {kind !== 'panel' && kind !== 'note' ? (
        <Checkbox
          label={t('designer.required')}
          checked={raw.isRequired === true}
          onChange={(e) => set('isRequired', e.currentTarget.checked ? true : undefined)}
          disabled={readOnly}
          data-testid="element-required"
        />
      ) : null}

      {kind === 'number' ? (
        <Stack gap={4}>
          <Group gap="sm" align="flex-start">
            <NumberInput
              label={t('designer.min')}
              value={typeof raw.min === 'number' ? raw.min : ''}
              onChange={(v) => set('min', typeof v === 'number' ? v : undefined)}
              readOnly={readOnly}
              w={160}
              data-testid="number-min"
            />
            <NumberInput
              label={t('designer.max')}
              value={typeof raw.max === 'number' ? raw.max : ''}
              onChange={(v) => set('max', typeof v === 'number' ? v : undefined)}
              error={limitsProblem ? t(`designer.problems.${limitsProblem.code}`) : undefined}
              readOnly={readOnly}
              w={160}
              data-testid="number-max"
            />
          </Group>
          <Text size="xs" c="gray.7">
            {t('designer.limitsHint')}
          </Text>
        </Stack>
      ) : null}

      {CHOICE_KINDS.includes(kind) ? (
        <ChoicesEditor
          choices={(raw.choices as TChoice[] | undefined) ?? []}
          languages={draft.languages}
          onChange={(choices) => set('choices', choices)}
          // Missing texts only once a save was tried; wrong values at once.
          problems={showAll ? problems.filter((p) => p.field === 'choices') : problems.filter((p) => p.field === 'choices' && p.code !== 'choices_missing' && p.code !== 'choice_text_missing')}
          readOnly={readOnly}
        />
      ) : null}

      {kind === 'yesNo' ? (
        <Text size="sm" c="gray.7">
          {t('designer.yesNoHint')}
        </Text>
      ) : null}

      <Divider />
      <ConditionEditor element={element} draft={draft} onChange={(visibleIf) => set('visibleIf', visibleIf)} readOnly={readOnly} />
    </Stack>
  );
}
