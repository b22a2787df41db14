import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RowAction } from '../components/RowAction';
import type { TChoice, TElementProblem } from './survey-definition';
import { TranslatedText } from './TranslatedText';

/** The answers of a choice question: a stable value each (what is stored), and its text per language. */
export function ChoicesEditor({
  choices,
  languages,
  onChange,
  problems,
  readOnly,
}: {
  choices: TChoice[];
  languages: string[];
  onChange: (choices: TChoice[]) => void;
  problems: TElementProblem[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TChoice>) => onChange(choices.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= choices.length) return;
    const copy = [...choices];
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    onChange(copy);
  };
  const nextValue = () => {
    const used = new Set(choices.map((c) => c.value));
    for (let n = choices.length + 1; ; n++) if (!used.has(`option_${n}`)) return `option_${n}`;
  };
  const missing = problems.some((p) => p.code === 'choices_missing');

  return (
    <Stack gap="xs" data-testid="choices-editor">
      <Text fw={600} size="sm" component="h4" m={0}>
        {t('designer.choices.title')}
      </Text>
      {missing ? (
        <Text size="sm" c="red.9" role="alert">
          {t('designer.problems.choices_missing')}
        </Text>
      ) : null}
      {choices.map((choice, i) => {
        const problem = problems.find((p) => p.index === i && p.code !== 'choice_text_missing');
        const textProblem = problems.find((p) => p.index === i && p.code === 'choice_text_missing');
        const label = choice.text[languages[0]!] || choice.value;
        return (
          <Paper key={i} withBorder p="xs" data-testid="choice-row">
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                label={t('designer.choices.value')}
                description={t('designer.choices.valueHint')}
                value={choice.value}
                onChange={(e) => set(i, { value: e.currentTarget.value.trim() })}
                error={problem ? t(`designer.problems.${problem.code}`) : undefined}
                readOnly={readOnly}
                w={180}
                data-testid={`choice-value-${i}`}
              />
              <div style={{ flex: 1, minWidth: 220 }}>
                <TranslatedText
                  label={t('designer.choices.text', { n: i + 1 })}
                  texts={choice.text}
                  languages={languages}
                  onChange={(text) => set(i, { text })}
                  error={textProblem ? t(`designer.problems.${textProblem.code}`) : null}
                  readOnly={readOnly}
                  testId={`choice-text-${i}`}
                />
              </div>
              {!readOnly ? (
                <Group gap={2} mt={24}>
                  <RowAction tooltip={t('designer.moveUp')} label={t('designer.choices.moveUp', { name: label })} icon={IconArrowUp} onClick={() => move(i, -1)} testId={`choice-up-${i}`} />
                  <RowAction tooltip={t('designer.moveDown')} label={t('designer.choices.moveDown', { name: label })} icon={IconArrowDown} onClick={() => move(i, 1)} testId={`choice-down-${i}`} />
                  <RowAction
                    tooltip={t('common.delete')}
                    label={t('designer.choices.remove', { name: label })}
                    icon={IconTrash}
                    onClick={() => onChange(choices.filter((_, j) => j !== i))}
                    testId={`choice-remove-${i}`}
                    danger
                  />
                </Group>
              ) : null}
            </Group>
          </Paper>
        );
      })}
      {!readOnly ? (
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange([...choices, { value: nextValue(), text: {} }])}
            data-testid="add-choice"
          >
            {t('designer.choices.add')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
