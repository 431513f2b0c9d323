// Routes of the review section (mounted at /review/*).
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../placeholders/Placeholders.tsx';
import { AssignmentPage, ReviewHome } from './ExpertPages.tsx';
import { OfficerPanelPage } from './OfficerPanelPage.tsx';

export function ReviewRoutes() {
  return (
    <Routes>
      <Route index element={<ReviewHome />} />
      <Route path="assignments/:id" element={<AssignmentPage />} />
      <Route path="calls/:callId/:side" element={<OfficerPanelPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
