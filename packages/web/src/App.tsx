import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { NotFoundPage } from './app/NotFoundPage';
import type { ComponentType } from 'react';
import { FullPageLoader, RequirePermission, RequireSession, type TPermissions } from './app/session';

/** A screen for those with a permission (others are sent to the gap dashboard), loaded when first opened. */
const guarded = (permission: keyof TPermissions, load: () => Promise<ComponentType>) => async () => {
  const Screen = await load();
  return {
    Component: () => (
      <RequirePermission permission={permission}>
        <Screen />
      </RequirePermission>
    ),
  };
};

// Screens load when first opened, so the sign-in screen does not wait for the charts library,
// and the public questionnaire (phones on slow networks) loads neither the app's shell nor the
// sign-in screens: every screen below, the shell included, is its own chunk.
const router = createBrowserRouter([
  { path: '/sign-in', lazy: async () => ({ Component: (await import('./auth/SignInPage')).SignInPage }) },
  // The public questionnaire: no sign-in, no app shell; made for phones.
  { path: '/f/:token', lazy: async () => ({ Component: (await import('./collection/PublicFormPage')).PublicFormPage }) },
  {
    path: '/change-password',
    lazy: async () => {
      const { ChangePasswordPage } = await import('./auth/ChangePasswordPage');
      return {
        Component: () => (
          <RequireSession allowPasswordChange>
            <ChangePasswordPage />
          </RequireSession>
        ),
      };
    },
  },
  {
    lazy: async () => {
      const { AppLayout } = await import('./app/AppLayout');
      return {
        Component: () => (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
      };
    },
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      { index: true, element: <Navigate to="/gaps" replace /> },
      { path: '/gaps', lazy: async () => ({ Component: (await import('./gaps/GapDashboardPage')).GapDashboardPage }) },
      { path: '/gaps/:territoryId', lazy: async () => ({ Component: (await import('./gaps/GapDashboardPage')).GapDashboardPage }) },
      { path: '/territories', lazy: async () => ({ Component: (await import('./territories/TerritoriesPage')).TerritoriesPage }) },
      { path: '/territories/:territoryId', lazy: async () => ({ Component: (await import('./territories/TerritoriesPage')).TerritoriesPage }) },
      { path: '/services', lazy: async () => ({ Component: (await import('./service-sites/ServiceRegistryPage')).ServiceRegistryPage }) },
      { path: '/norms', lazy: async () => ({ Component: (await import('./norms/NormsPage')).NormsPage }) },
      { path: '/imports', lazy: async () => ({ Component: (await import('./imports/ImportsPage')).ImportsPage }) },
      { path: '/service-types', lazy: async () => ({ Component: (await import('./catalogue/ServiceTypesPage')).ServiceTypesPage }) },
      { path: '/assessments', lazy: async () => ({ Component: (await import('./assessments/AssessmentsPage')).AssessmentsPage }) },
      { path: '/assessments/:id', lazy: async () => ({ Component: (await import('./assessments/AssessmentPage')).AssessmentPage }) },
      { path: '/planning', lazy: async () => ({ Component: (await import('./planning/RoundsPage')).RoundsPage }) },
      { path: '/planning/:id', lazy: async () => ({ Component: (await import('./planning/RoundPage')).RoundPage }) },
      { path: '/services-review', lazy: async () => ({ Component: (await import('./services-review/ServicesReviewPage')).ServicesReviewPage }) },
      { path: '/fiches', lazy: async () => ({ Component: (await import('./fiches/FichesPage')).FichesPage }) },
      { path: '/publication', lazy: async () => ({ Component: (await import('./public-site/PublicationPage')).PublicationPage }) },
      { path: '/ozps', lazy: async () => ({ Component: (await import('./ozps/OzpsPage')).OzpsPage }) },
      { path: '/documents', lazy: async () => ({ Component: (await import('./documents/DocumentsPage')).DocumentsPage }) },
      { path: '/document-wording', lazy: async () => ({ Component: (await import('./documents/DocumentWordingPage')).DocumentWordingPage }) },
      { path: '/questionnaires/:id', lazy: async () => ({ Component: (await import('./questionnaires/QuestionnairePage')).QuestionnairePage }) },
      { path: '/questionnaires/:id/analysis', lazy: async () => ({ Component: (await import('./analysis/AnalysisPage')).AnalysisPage }) },
      { path: '/planning-templates', lazy: guarded('editCatalogue', async () => (await import('./planning/TemplatesPage')).TemplatesPage) },
      { path: '/planning-standards', lazy: guarded('setPlanStandards', async () => (await import('./planning/StandardsPage')).StandardsPage) },
      { path: '/working-days', lazy: guarded('editCatalogue', async () => (await import('./planning/CalendarPage')).CalendarPage) },
      { path: '/users', lazy: guarded('manageUsers', async () => (await import('./users/UsersPage')).UsersPage) },
      { path: '/audit', lazy: guarded('viewAudit', async () => (await import('./audit/AuditPage')).AuditPage) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
