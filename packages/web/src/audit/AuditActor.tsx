import { useTranslation } from 'react-i18next';
import { parseAuditActor } from '@potreby/domain/audit/audit-entries';
import { Phrase, SLOT } from '../app/Phrase';

/**
 * Who made a change, in the reader's language: a person by name (as written, not translated),
 * otherwise what acted — the demonstration's setup, the app itself, the command line under a
 * computer's user, or a sign-in attempt under a login. The login of a failed sign-in is what
 * someone typed: it is shown as text, never read as markup.
 */
export function AuditActor({ actor, userName }: { actor: string; userName: string | null }) {
  const { t } = useTranslation();
  if (userName) return <span translate="no">{userName}</span>;
  const who = parseAuditActor(actor);
  switch (who.kind) {
    case 'seed':
      return <>{t('audit.actors.seed')}</>;
    case 'system':
      return <>{t('audit.actors.system')}</>;
    case 'public':
      return <>{t('audit.actors.public')}</>;
    case 'cli':
      return <Phrase text={t('audit.actors.cli', { user: SLOT })}>{who.user}</Phrase>;
    case 'login':
      return <Phrase text={t('audit.actors.login', { login: SLOT })}>{who.login}</Phrase>;
    case 'user':
      return <>{t('audit.actors.user', { id: who.id })}</>;
    case 'other':
      return <span translate="no">{who.text}</span>;
  }
}
