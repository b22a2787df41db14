import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Marks synthetic demonstration records (`demo: true`) and illustrative figures
 * (`illustrative: true`) so nobody mistakes them for official data.
 */
export function DemoBadge({ kind = 'demo' }: { kind?: 'demo' | 'illustrative' }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(kind === 'demo' ? 'common.demoHint' : 'common.illustrativeHint')} multiline w={260} withArrow>
      <Badge color="grape" variant="light" size="sm" data-testid="demo-badge" tabIndex={0} style={{ flexShrink: 0 }}>
        {t(kind === 'demo' ? 'common.demoData' : 'common.illustrative')}
      </Badge>
    </Tooltip>
  );
}
