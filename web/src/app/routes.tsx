// The route table of the web app. Each module adds its pages here.
// Pages are loaded on first visit (one chunk per feature): the first page shows sooner.
import type React from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout.tsx';
import { queryClient, sessionQuery } from './query-client.ts';
import { searchQueryOptions } from '../features/marketplace/api.ts';
import { taxonomyQuery } from '../features/directory/api.ts';

import { NotFoundPage } from '../features/placeholders/Placeholders.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';

type Module = Record<string, unknown>;
/** A route whose component `name` comes from `load()` when the route is first matched. */
const page = (load: () => Promise<Module>, name: string, props: Record<string, unknown> = {}) => ({
  lazy: async () => {
    const C = (await load())[name] as React.ComponentType<Record<string, unknown>>;
    return { Component: () => <C {...props} /> };
  },
});

// Loaders start a page's first requests at once, in parallel with its code (prefetch: never blocks).
const prefetchSession = () => { void queryClient.prefetchQuery(sessionQuery); return null; };
const prefetchMarketplace = ({ request }: { request: Request }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams.entries());
  void queryClient.prefetchInfiniteQuery(searchQueryOptions(query));
  void queryClient.prefetchQuery(taxonomyQuery);
  return null;
};

export const router = createBrowserRouter([
  {
    element: <Layout />,
    loader: prefetchSession,
    // Shown while the first page's code loads (react-router warns without one); the page replaces it at once.
    HydrateFallback: () => null,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', ...page(() => import('../features/auth/RegisterPage.tsx'), 'RegisterPage') },
      { path: '/verify-email', ...page(() => import('../features/auth/VerifyEmailPage.tsx'), 'VerifyEmailPage') },
      { path: '/forgot-password', ...page(() => import('../features/auth/ForgotPasswordPage.tsx'), 'ForgotPasswordPage') },
      { path: '/reset-password', ...page(() => import('../features/auth/ResetPasswordPage.tsx'), 'ResetPasswordPage') },
      { path: '/invite', ...page(() => import('../features/auth/InvitePage.tsx'), 'InvitePage') },
      { path: '/setup', ...page(() => import('../features/auth/SetupPage.tsx'), 'SetupPage') },
      { path: '/privacy', ...page(() => import('../features/auth/PrivacyPage.tsx'), 'PrivacyPage') },
      { path: '/account', ...page(() => import('../features/account/AccountPage.tsx'), 'AccountPage') },
      { path: '/inbox', ...page(() => import('../features/inbox/InboxPage.tsx'), 'InboxPage') },
      { path: '/admin/*', ...page(() => import('../features/admin/AdminPage.tsx'), 'AdminPage') },
      { path: '/invitations', ...page(() => import('../features/admin/InvitationsPage.tsx'), 'InvitationsPage') },
      { path: '/directory', ...page(() => import('../features/directory/DirectoryPage.tsx'), 'DirectoryPage') },
      { path: '/directory/mine', ...page(() => import('../features/directory/MyOrganisationsPage.tsx'), 'MyOrganisationsPage') },
      { path: '/directory/import', ...page(() => import('../features/directory/ImportExportPage.tsx'), 'ImportExportPage') },
      { path: '/directory/taxonomy', ...page(() => import('../features/directory/TaxonomyPage.tsx'), 'TaxonomyPage') },
      { path: '/directory/organisations/:id', ...page(() => import('../features/directory/OrganisationPage.tsx'), 'OrganisationPage') },
      { path: '/marketplace', loader: prefetchMarketplace, ...page(() => import('../features/marketplace/MarketplacePage.tsx'), 'MarketplacePage') },
      { path: '/marketplace/new', ...page(() => import('../features/marketplace/ProfileEditor.tsx'), 'ProfileEditor') },
      { path: '/marketplace/mine', ...page(() => import('../features/marketplace/MyProfilesPage.tsx'), 'MyProfilesPage') },
      { path: '/marketplace/moderation', ...page(() => import('../features/marketplace/ModerationPage.tsx'), 'ModerationPage') },
      { path: '/marketplace/interests', ...page(() => import('../features/marketplace/InterestsPage.tsx'), 'InterestsPage') },
      { path: '/marketplace/interests/:id', ...page(() => import('../features/marketplace/InterestPage.tsx'), 'InterestPage') },
      { path: '/marketplace/profiles/:id', ...page(() => import('../features/marketplace/ProfilePage.tsx'), 'ProfilePage') },
      { path: '/marketplace/profiles/:id/edit', ...page(() => import('../features/marketplace/ProfileEditor.tsx'), 'ProfileEditor') },
      { path: '/matching/*', ...page(() => import('../features/matching/MatchingPage.tsx'), 'MatchingPage') },
      { path: '/events/:id/schedule', ...page(() => import('../features/scheduling/SchedulingConsolePage.tsx'), 'SchedulingConsolePage') },
      { path: '/events/*', ...page(() => import('../features/events/EventsRoutes.tsx'), 'EventsRoutes') },
      { path: '/calls/*', ...page(() => import('../features/calls/CallsRoutes.tsx'), 'CallsRoutes') },
      { path: '/applications/*', ...page(() => import('../features/calls/CallsRoutes.tsx'), 'ApplicationsRoutes') },
      { path: '/review/*', ...page(() => import('../features/review/ReviewRoutes.tsx'), 'ReviewRoutes') },
      { path: '/portfolio/*', ...page(() => import('../features/placeholders/Placeholders.tsx'), 'NotBuiltPage', { section: 'portfolio' }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
