import { AppShell, Box, Burger, Button, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconCalendarCog,
  IconCoins,
  IconCalendarStats,
  IconChartBar,
  IconClipboardList,
  IconChevronDown,
  IconFileImport,
  IconHistory,
  IconKey,
  IconListDetails,
  IconLogout,
  IconMap2,
  IconReportAnalytics,
  IconRuler2,
  IconTemplate,
  IconUserCircle,
  IconUsers,
  IconBulb,
  IconFileText,
  IconWorld,
  IconReportMoney,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { useNames } from './names';
import { useSession } from './session';

const NAV = [
  { to: '/gaps', key: 'gaps', icon: IconChartBar },
  { to: '/territories', key: 'territories', icon: IconMap2 },
  { to: '/services', key: 'services', icon: IconBuildingCommunity },
  { to: '/norms', key: 'norms', icon: IconRuler2 },
  { to: '/assessments', key: 'assessments', icon: IconClipboardList },
  { to: '/planning', key: 'planning', icon: IconCalendarStats },
  { to: '/services-review', key: 'servicesReview', icon: IconReportAnalytics },
  { to: '/fiches', key: 'fiches', icon: IconBulb },
  { to: '/publication', key: 'publication', icon: IconWorld },
  { to: '/documents', key: 'documents', icon: IconFileText },
  // A Polish gmina's yearly report: offered to Polish accounts and to those who reach every country.
  { to: '/ozps', key: 'ozps', icon: IconReportMoney, country: 'PL' },
  { to: '/imports', key: 'imports', icon: IconFileImport },
  { to: '/service-types', key: 'serviceTypes', icon: IconListDetails },
  { to: '/planning-templates', key: 'planningTemplates', icon: IconTemplate, permission: 'editCatalogue' },
  { to: '/document-wording', key: 'documentWording', icon: IconFileText, permission: 'editCatalogue' },
  { to: '/working-days', key: 'workingDays', icon: IconCalendarCog, permission: 'editCatalogue' },
  { to: '/planning-standards', key: 'planningStandards', icon: IconCoins, permission: 'setPlanStandards' },
  { to: '/users', key: 'users', icon: IconUsers, permission: 'manageUsers' },
  { to: '/audit', key: 'audit', icon: IconHistory, permission: 'viewAudit' },
] as const;

/** Header (product, language, user), navigation, and the current screen. */
export function AppLayout() {
  const { t } = useTranslation();
  const names = useNames();
  const { user, permissions, signOut } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();

  // On a phone the language switch moves into the menu drawer (one switch on the page at a time).
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const items = NAV.filter((n) => (!('permission' in n) || permissions?.[n.permission]) && (!('country' in n) || !user?.territory || user.territory.country === n.country));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t(opened ? 'nav.closeMenu' : 'nav.openMenu')} />
            <UnstyledButton component={Link} to="/gaps">
              <Text fw={800} fz="xl" c="blue.9" lh={1} translate="no">
                potreby
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {wide ? <LanguageSwitch compact /> : null}
            {user ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant="default"
                    leftSection={<IconUserCircle size={18} aria-hidden />}
                    rightSection={<IconChevronDown size={14} aria-hidden />}
                    data-testid="user-menu"
                    px="xs"
                    aria-label={wide ? undefined : t('nav.accountOf', { name: user.name })}
                  >
                    {wide ? (
                      <Box component="span" maw={180} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }} translate="no">
                        {user.name}
                      </Box>
                    ) : null}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>
                    <Text size="sm" fw={600} c="gray.9" translate="no">
                      {user.name}
                    </Text>
                    <Text size="xs" c="gray.7">
                      {t(`roles.${user.role}`)}
                      {user.territory ? ` · ${names.territory(user.territory)}` : ''}
                    </Text>
                  </Menu.Label>
                  <Menu.Divider />
                  <Menu.Item leftSection={<IconKey size={16} aria-hidden />} component={Link} to="/change-password">
                    {t('nav.changePassword')}
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconLogout size={16} aria-hidden />}
                    data-testid="sign-out"
                    onClick={async () => {
                      await signOut();
                      navigate('/sign-in');
                    }}
                  >
                    {t('nav.signOut')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {items.map((n) => {
          const active = location.pathname === n.to || location.pathname.startsWith(`${n.to}/`);
          return (
            <NavLink
              key={n.key}
              component={Link}
              to={n.to}
              label={t(`nav.${n.key}`)}
              leftSection={<n.icon size={18} aria-hidden />}
              active={active}
              // Filled: white on blue-8 (5.0:1) and, hovered, on blue-9; the light variant's
              // hover background leaves too little contrast.
              variant="filled"
              aria-current={active ? 'page' : undefined}
              onClick={close}
              data-testid={`nav-${n.key}`}
            />
          );
        })}
        {!wide ? (
          <Box mt="md" px="xs">
            <LanguageSwitch />
          </Box>
        ) : null}
      </AppShell.Navbar>

      {/* data-path: the address of the screen drawn, once the router has drawn it (browser tests wait for it). */}
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }} data-path={location.pathname}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
