// The route table of the web app. Each module adds its pages here.
import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { RegisterPage } from '../features/auth/RegisterPage.tsx';
import { VerifyEmailPage, ForgotPasswordPage, ResetPasswordPage } from '../features/auth/TokenPages.tsx';
import { InvitePage } from '../features/auth/InvitePage.tsx';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { InvitationsPage } from '../features/admin/InvitationsPage.tsx';
import { SchedulingConsolePage } from '../features/scheduling/SchedulingConsolePage.tsx';
import { MatchingPage } from '../features/matching/MatchingPage.tsx';
import { NotBuiltPage, NotFoundPage } from '../features/placeholders/Placeholders.tsx';
import { EventsRoutes } from '../features/events/EventsRoutes.tsx';
import { DirectoryPage, ImportExportPage, MyOrganisationsPage, OrganisationPage } from '../features/directory/DirectoryPages.tsx';
import { TaxonomyPage } from '../features/directory/TaxonomyPage.tsx';
import { MarketplacePage } from '../features/marketplace/MarketplacePage.tsx';
import { ProfilePage } from '../features/marketplace/ProfilePage.tsx';
import { ProfileEditor } from '../features/marketplace/ProfileEditor.tsx';
import { InterestPage, InterestsPage, ModerationPage, MyProfilesPage } from '../features/marketplace/ListsPages.tsx';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/verify-email', element: <VerifyEmailPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/invite', element: <InvitePage /> },
      { path: '/account', element: <AccountPage /> },
      { path: '/admin/*', element: <AdminPage /> },
      { path: '/invitations', element: <InvitationsPage /> },
      { path: '/directory', element: <DirectoryPage /> },
      { path: '/directory/mine', element: <MyOrganisationsPage /> },
      { path: '/directory/import', element: <ImportExportPage /> },
      { path: '/directory/taxonomy', element: <TaxonomyPage /> },
      { path: '/directory/organisations/:id', element: <OrganisationPage /> },
      { path: '/marketplace', element: <MarketplacePage /> },
      { path: '/marketplace/new', element: <ProfileEditor /> },
      { path: '/marketplace/mine', element: <MyProfilesPage /> },
      { path: '/marketplace/moderation', element: <ModerationPage /> },
      { path: '/marketplace/interests', element: <InterestsPage /> },
      { path: '/marketplace/interests/:id', element: <InterestPage /> },
      { path: '/marketplace/profiles/:id', element: <ProfilePage /> },
      { path: '/marketplace/profiles/:id/edit', element: <ProfileEditor /> },
      { path: '/matching/*', element: <MatchingPage /> },
      { path: '/events/:id/schedule', element: <SchedulingConsolePage /> },
      { path: '/events/*', element: <EventsRoutes /> },
      { path: '/calls/*', element: <NotBuiltPage section="calls" /> },
      { path: '/portfolio/*', element: <NotBuiltPage section="portfolio" /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
