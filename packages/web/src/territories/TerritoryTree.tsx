import { ActionIcon, Anchor, Box, Group, Loader, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TTerritoryList } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useNames } from '../app/names';
import { ErrorAlert } from '../components/ErrorAlert';

type TreeProps = {
  selectedId: number | null;
  expanded: ReadonlySet<number>;
  onToggle: (id: number) => void;
};

/**
 * The territorial hierarchy, loaded one level at a time as the user opens it. Plain nested lists
 * of links with a disclosure button each, so keyboards and screen readers handle it as a page.
 */
export function TerritoryTree(props: TreeProps) {
  const { t } = useTranslation();
  return (
    <Box component="nav" aria-label={t('territories.treeLabel')} data-testid="territory-tree">
      <TreeLevel parentId={null} depth={0} {...props} />
    </Box>
  );
}

function TreeLevel({ parentId, depth, selectedId, expanded, onToggle }: TreeProps & { parentId: number | null; depth: number }) {
  const { t } = useTranslation();
  const names = useNames();
  const children = useQuery({
    queryKey: ['territory-children', parentId],
    queryFn: () => api.get<TTerritoryList>('/territories', parentId === null ? {} : { parentId, limit: 1000 }),
    staleTime: 5 * 60_000,
  });

  if (children.isPending) return <Loader size="xs" m="xs" role="status" aria-label={t('common.loading')} />;
  if (children.error) return <ErrorAlert error={children.error} />;

  return (
    <Box component="ul" m={0} p={0} pl={depth === 0 ? 0 : 'md'} style={{ listStyle: 'none' }}>
      {children.data.items.map((node) => {
        const open = expanded.has(node.id);
        const name = names.territory(node);
        const selected = node.id === selectedId;
        return (
          <li key={node.id}>
            <Group gap={4} wrap="nowrap" py={2}>
              {node.childCount > 0 ? (
                <ActionIcon
                  variant="subtle"
                  color="gray.8"
                  size="sm"
                  onClick={() => onToggle(node.id)}
                  aria-expanded={open}
                  aria-label={t(open ? 'territories.collapse' : 'territories.expand', { name })}
                  data-testid={`tree-toggle-${node.code}`}
                >
                  {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
                </ActionIcon>
              ) : (
                <Box w={22} aria-hidden />
              )}
              <Box style={{ minWidth: 0 }}>
              <Anchor
                component={Link}
                to={`/territories/${node.id}`}
                aria-current={selected ? 'page' : undefined}
                fw={selected ? 700 : 400}
                c={selected ? 'blue.9' : 'gray.9'}
                size="sm"
                data-testid={`tree-node-${node.code}`}
                style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
              >
                {name}
              </Anchor>
              </Box>
              <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
                {node.code}
              </Text>
            </Group>
            {open ? <TreeLevel parentId={node.id} depth={depth + 1} selectedId={selectedId} expanded={expanded} onToggle={onToggle} /> : null}
          </li>
        );
      })}
    </Box>
  );
}
