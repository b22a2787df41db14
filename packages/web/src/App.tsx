import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppLayout } from './app/AppLayout';
import { NotFoundPage } from './app/NotFoundPage';
import { FullPageLoader, RequirePermission, RequireSession } from './app/session';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { SignInPage } from './auth/SignInPage';

// Screens load when first opened, so the sign-in screen does not wait for the charts library.
const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  // The public questionnaire: no sign-in, no app shell; made for phones.
  { path: '/f/:token', lazy: async () => ({ Component: (await import('./collection/PublicFormPage')).PublicFormPage }) },
  {
    path: '/change-password',
    element: (
      <RequireSession allowPasswordChange>
        <ChangePasswordPage />
      </RequireSession>
    ),
  },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
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
      { path: '/assessments', lazy: async () => ({ Component: (await import('./assessments/AssessmentsPage')).AssessmentsPage }) },
      { path: '/assessments/:id', lazy: async () => ({ Component: (await import('./assessments/AssessmentPage')).AssessmentPage }) },
      { path: '/questionnaires/:id', lazy: async () => ({ Component: (await import('./questionnaires/QuestionnairePage')).QuestionnairePage }) },
      { path: '/questionnaires/:id/analysis', lazy: async () => ({ Component: (await import('./analysis/AnalysisPage')).AnalysisPage }) },
      {
        path: '/users',
        lazy: async () => {
          const { UsersPage } = await import('./users/UsersPage');
          return {
            Component: () => (
              <RequirePermission permission="manageUsers">
                <UsersPage />
              </RequirePermission>
            ),
          };
        },
      },
      {
        path: '/audit',
        lazy: async () => {
          const { AuditPage } = await import('./audit/AuditPage');
          return {
            Component: () => (
              <RequirePermission permission="viewAudit">
                <AuditPage />
              </RequirePermission>
            ),
          };
        },
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
