import { Badge, Box, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconChevronDown, IconChevronUp, IconFolderPlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RowAction } from '../components/RowAction';
import { WARNING_COLOUR } from './colours';
import { ElementEditor } from './ElementEditor';
import { kindOf, QUESTION_KINDS, textIn, untranslatedIn, type TDraft, type TElement, type TElementProblem, type TQuestionKind, type TRaw, type TTexts } from './survey-definition';

export type TElementActions = {
  update: (uid: string, raw: TRaw) => void;
  rename: (uid: string, from: string, to: string) => void;
  changeKind: (uid: string, kind: TQuestionKind) => void;
  move: (uid: string, by: -1 | 1) => void;
  remove: (element: TElement) => void;
  add: (containerUid: string, what: TQuestionKind | 'panel') => void;
  toggle: (uid: string) => void;
};

/** "Add a question" (a menu of the kinds) and, on a page, "Add a group". */
export function AddElementButtons({ containerUid, allowPanel, actions, label }: { containerUid: string; allowPanel: boolean; actions: TElementActions; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} aria-label={t('designer.addQuestionTo', { where: label })} data-testid="add-question">
            {t('designer.addQuestion')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {QUESTION_KINDS.map((kind) => (
            <Menu.Item key={kind} onClick={() => actions.add(containerUid, kind)} data-testid={`add-question-${kind}`}>
              {t(`designer.kinds.${kind}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {allowPanel ? (
        <Button variant="subtle" size="xs" leftSection={<IconFolderPlus size={14} aria-hidden />} onClick={() => actions.add(containerUid, 'panel')} data-testid="add-panel">
          {t('designer.addGroup')}
        </Button>
      ) : null}
    </Group>
  );
}

/** One question or group: a summary line, and its editor when opened; a group holds its questions. */
export function ElementCard({
  element,
  draft,
  open,
  problems,
  showAll,
  readOnly,
  actions,
}: {
  element: TElement;
  draft: TDraft;
  open: Set<string>;
  problems: TElementProblem[];
  showAll: boolean;
  readOnly: boolean;
  actions: TElementActions;
}) {
  const { t } = useTranslation();
  const raw = element.raw;
  const kind = kindOf(raw);
  const first = draft.languages[0]!;
  const name = String(raw.name ?? '');
  const mainTexts = (kind === 'note' ? raw.html : raw.title) as TTexts | undefined;
  const mainText = textIn(mainTexts, first, [first]);
  const shown = kind === 'note' ? mainText.replace(/<[^>]+>/g, ' ').trim() : mainText;
  const label = shown || name;
  const mine = problems.filter((p) => p.uid === element.uid && (showAll || p.field === 'name' || p.field === 'limits' || p.code === 'choice_value_invalid' || p.code === 'choice_value_taken'));
  const untranslated = draft.languages.slice(1).reduce((n, l) => n + untranslatedIn(element, draft, l), 0);
  const isOpen = open.has(element.uid);
  const editorId = `editor-${element.uid}`;

  return (
    <Paper component="li" withBorder p="xs" radius="sm" style={{ listStyle: 'none' }} bg={kind === 'panel' ? 'gray.0' : undefined} data-testid="designer-element" data-name={name} data-kind={kind}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap">
            <Badge size="sm" variant="light" color={kind === 'panel' ? 'indigo' : 'blue'}>
              {kind === 'other' ? String(raw.type) : t(`designer.kinds.${kind}`)}
            </Badge>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="element-label" lang={shown ? first : undefined}>
              {shown || <em>{t('designer.noText')}</em>}
            </Text>
            <Text size="xs" c="gray.7" component="code" data-testid="element-code">
              {name}
            </Text>
          </Group>
          <Group gap={6} mt={4}>
            {raw.isRequired === true ? (
              <Badge size="xs" variant="outline" color="gray.8">
                {t('designer.required')}
              </Badge>
            ) : null}
            {typeof raw.visibleIf === 'string' ? (
              <Badge size="xs" variant="outline" color="grape.9" data-testid="has-condition">
                {t('designer.hasCondition')}
              </Badge>
            ) : null}
            {untranslated > 0 ? (
              <Badge size="xs" variant="light" color={WARNING_COLOUR} data-testid="element-untranslated">
                {t('designer.untranslatedCount', { count: untranslated })}
              </Badge>
            ) : null}
            {mine.length > 0 ? (
              <Badge size="xs" variant="filled" color="red.9" data-testid="element-problem">
                {t('designer.needsAttention')}
              </Badge>
            ) : null}
          </Group>
        </Box>
        <Group gap={2} wrap="nowrap">
          <Button
            variant="default"
            size="xs"
            onClick={() => actions.toggle(element.uid)}
            aria-expanded={isOpen}
            aria-controls={editorId}
            aria-label={t(isOpen ? 'designer.closeEditor' : readOnly ? 'designer.openViewer' : 'designer.openEditor', { name: label })}
            rightSection={isOpen ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
            data-testid="element-edit"
          >
            {t(isOpen ? 'common.close' : readOnly ? 'common.view' : 'common.edit')}
          </Button>
          {!readOnly ? (
            <>
              <RowAction tooltip={t('designer.moveUp')} label={t('designer.moveUpNamed', { name: label })} icon={IconArrowUp} onClick={() => actions.move(element.uid, -1)} testId="element-up" />
              <RowAction tooltip={t('designer.moveDown')} label={t('designer.moveDownNamed', { name: label })} icon={IconArrowDown} onClick={() => actions.move(element.uid, 1)} testId="element-down" />
              <RowAction tooltip={t('common.delete')} label={t('designer.deleteNamed', { name: label })} icon={IconTrash} onClick={() => actions.remove(element)} testId="element-delete" danger />
            </>
          ) : null}
        </Group>
      </Group>

      {isOpen ? (
        <Box id={editorId} mt="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          {kind === 'other' ? (
            <Text size="sm" c="gray.7">
              {t('designer.otherType', { type: String(raw.type) })}
            </Text>
          ) : (
            <ElementEditor
              element={element}
              draft={draft}
              problems={mine}
              showAll={showAll}
              readOnly={readOnly}
              onChange={(next) => actions.update(element.uid, next)}
              onRename={(from, to) => actions.rename(element.uid, from, to)}
              onKindChange={(k) => actions.changeKind(element.uid, k)}
            />
          )}
        </Box>
      ) : null}

      {element.elements ? (
        <Stack gap="xs" mt="sm" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-indigo-2)' }}>
          {element.elements.length ? (
            <Stack component="ol" gap="xs" m={0} p={0} aria-label={t('designer.groupQuestions', { name: label })}>
              {element.elements.map((child) => (
                <ElementCard key={child.uid} element={child} draft={draft} open={open} problems={problems} showAll={showAll} readOnly={readOnly} actions={actions} />
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="gray.7">
              {t('designer.emptyGroup')}
            </Text>
          )}
          {!readOnly ? <AddElementButtons containerUid={element.uid} allowPanel={false} actions={actions} label={label} /> : null}
        </Stack>
      ) : null}
    </Paper>
  );
}
