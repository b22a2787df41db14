import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { COUNTRY_LANGUAGE } from '@potreby/i18n';
import { useTranslation } from 'react-i18next';
import type { TLevel } from '@potreby/domain';
import type { TTerritoryDetail, TTerritoryList, TTerritoryNode } from '@potreby/server/territories/schema';
import { api } from '../api/client';
import { useNames } from '../app/names';

export type TerritoryPickerProps = {
  value: number | null;
  onChange: (id: number | null, territory: TTerritoryNode | null) => void;
  /** Only units of these levels can be picked. */
  levels?: TLevel[];
  label: string;
  description?: string;
  placeholder?: string;
  error?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  clearable?: boolean;
  'data-testid'?: string;
};

async function searchTerritories(q: string, levels: TLevel[] | undefined): Promise<TTerritoryNode[]> {
  const searching = q.length >= 2;
  // One request per level keeps each answer within its limit; the API takes one level at a time.
  const perLevel = levels && levels.length > 0 && levels.length <= 3 ? levels : [undefined];
  const lists = await Promise.all(
    perLevel.map((level) => api.get<TTerritoryList>('/territories', { q: searching ? q : undefined, level, limit: searching ? 30 : 100 })),
  );
  const items = lists.flatMap((l) => l.items);
  return levels ? items.filter((i) => levels.includes(i.level)) : items;
}

/**
 * Pick a territory by typing part of its name or code (a searchable select backed by
 * `GET /territories?q=`). Without a search it offers the top units the user may see.
 */
export function TerritoryPicker({ value, onChange, levels, label, description, placeholder, error, required, disabled, clearable = true, ...rest }: TerritoryPickerProps) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<TTerritoryNode | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);

  // The chosen unit's name when the value came from outside (a URL, an edited record).
  const selected = useQuery({
    queryKey: ['territory', value],
    queryFn: () => api.get<TTerritoryDetail>(`/territories/${value}`),
    enabled: value !== null && chosen?.id !== value,
    staleTime: 5 * 60_000,
  });
  const current = value === null ? null : chosen?.id === value ? chosen : (selected.data?.territory ?? null);

  const ownLanguage = current ? COUNTRY_LANGUAGE[current.country as keyof typeof COUNTRY_LANGUAGE] : undefined;
  const foreignLanguage = ownLanguage && ownLanguage !== i18n.language ? ownLanguage : undefined;
  const optionLabel = (n: TTerritoryNode) => `${names.territory(n)} · ${names.level(n.country, n.level)} · ${n.code}`;
  const searchIsLabel = current !== null && search === optionLabel(current);
  const q = searchIsLabel ? '' : debounced;

  const results = useQuery({
    queryKey: ['territory-search', q, levels ?? null],
    queryFn: () => searchTerritories(q, levels),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled: !disabled,
  });

  const options = useMemo(() => {
    const items = [...(results.data ?? [])];
    if (current && !items.some((i) => i.id === current.id)) items.unshift(current);
    return items;
  }, [results.data, current]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('common.typeToSearch')}
      searchable
      clearable={clearable}
      required={required}
      disabled={disabled}
      error={error}
      value={value === null ? null : String(value)}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      data={options.map((n) => ({ value: String(n.id), label: optionLabel(n) }))}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.nothingFound')}
      onChange={(v) => {
        const node = v === null ? null : (options.find((o) => String(o.id) === v) ?? null);
        setChosen(node);
        onChange(node ? node.id : null, node);
      }}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      // A unit of another country is named in its own language (Niemce on a Bulgarian screen): marked so (WCAG 3.1.2).
      lang={foreignLanguage}
      data-testid={rest['data-testid']}
    />
  );
}
