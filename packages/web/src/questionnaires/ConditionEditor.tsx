import { Button, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { answerOptions, buildCondition, kindOf, parseCondition, textIn, walk, type TDraft, type TElement, type TTexts } from './survey-definition';

/**
 * "Show only if <question> is / contains <value>": SurveyJS's visibleIf in its simplest form.
 * The question is one asked before this one; a multiple-choice answer "contains" the value, any
 * other "is" it. A condition the editor cannot show this way (from an XLSForm) is kept and shown
 * as it is written, and can be removed.
 */
export function ConditionEditor({ element, draft, onChange, readOnly }: { element: TElement; draft: TDraft; onChange: (visibleIf: string | undefined) => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const expression = typeof element.raw.visibleIf === 'string' ? element.raw.visibleIf : undefined;
  const condition = parseCondition(expression);
  const first = draft.languages[0]!;

  // Questions that come before this element (its own children excluded).
  const order = walk(draft).map((w) => w.element);
  const before = order.slice(0, order.findIndex((e) => e.uid === element.uid));
  const candidates = before.filter((e) => {
    const k = kindOf(e.raw);
    return k !== 'panel' && k !== 'note' && k !== 'other';
  });
  const target = condition ? order.find((e) => e.raw.name === condition.question) : undefined;
  const options = target ? answerOptions(target, draft, { yes: t('common.yes'), no: t('common.no') }) : [];
  const questionLabel = (e: TElement) => {
    const title = textIn(e.raw.title as TTexts | undefined, first, draft.languages);
    return title ? `${title} (${String(e.raw.name)})` : String(e.raw.name);
  };

  const setQuestion = (name: string | null) => {
    if (!name) return onChange(undefined);
    const next = order.find((e) => e.raw.name === name);
    const operator = next && kindOf(next.raw) === 'multiple' ? 'contains' : 'is';
    const firstOption = next ? answerOptions(next, draft, { yes: '', no: '' })[0]?.value : undefined;
    onChange(buildCondition({ question: name, operator, value: firstOption ?? '' }, next));
  };
  const setValue = (value: string) => {
    if (!condition) return;
    onChange(buildCondition({ ...condition, value }, target));
  };

  if (expression && !condition) {
    return (
      <Stack gap={4} data-testid="condition-custom">
        <Text size="sm" fw={600}>
          {t('designer.condition.custom')}
        </Text>
        <Code block>{expression}</Code>
        {!readOnly ? (
          <Group>
            <Button variant="default" size="xs" leftSection={<IconX size={14} aria-hidden />} onClick={() => onChange(undefined)} data-testid="condition-remove">
              {t('designer.condition.remove')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }

  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} component="h4" m={0}>
        {t('designer.condition.title')}
      </Text>
      <Text size="sm" c="gray.7">
        {t('designer.condition.hint')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('designer.condition.question')}
          placeholder={t('designer.condition.always')}
          data={candidates.map((e) => ({ value: String(e.raw.name), label: questionLabel(e) }))}
          value={condition?.question ?? null}
          onChange={setQuestion}
          clearable
          disabled={readOnly || (candidates.length === 0 && !condition)}
          w={320}
          comboboxProps={{ withinPortal: true }}
          data-testid="condition-question"
        />
        {condition ? (
          <>
            <Text size="sm" pb={8} data-testid="condition-operator">
              {t(condition.operator === 'contains' ? 'designer.condition.contains' : 'designer.condition.is')}
            </Text>
            {options.length ? (
              <Select
                label={t('designer.condition.value')}
                data={options.map((o) => ({ value: o.value, label: o.label }))}
                value={condition.value || null}
                onChange={(v) => v !== null && setValue(v)}
                allowDeselect={false}
                disabled={readOnly}
                w={240}
                comboboxProps={{ withinPortal: true }}
                data-testid="condition-value"
              />
            ) : (
              <TextInput label={t('designer.condition.value')} value={condition.value} onChange={(e) => setValue(e.currentTarget.value)} readOnly={readOnly} w={240} data-testid="condition-value" />
            )}
          </>
        ) : null}
      </Group>
      {candidates.length === 0 && !condition ? (
        <Text size="xs" c="gray.7">
          {t('designer.condition.noneBefore')}
        </Text>
      ) : null}
    </Stack>
  );
}
