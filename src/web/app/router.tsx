/**
 * Routes in Vietnamese, as people read and share them. Each page is a lazily loaded chunk so that the first
 * download holds the shell and the page being opened, nothing else. Declarative routes (no data router): the
 * pages load their data with TanStack Query, and the data router would add its weight to every first visit.
 * Everything but the login page sits behind the session gate.
 */
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading';
import { AppShell } from './AppShell';
import { RequirePermission, RequireSession } from './auth/RequireSession';
import { useCan } from './auth/session';
import { NotFoundPage } from './ErrorPages';

const LoginPage = lazy(() => import('./auth/LoginPage'));
const FirstPasswordPage = lazy(() => import('./auth/FirstPasswordPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const MyAccountPage = lazy(() => import('../features/accounts/MyAccountPage'));
const UsersPage = lazy(() => import('../features/accounts/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const TeamsPage = lazy(() => import('../features/teams/TeamsPage'));
const TeamPage = lazy(() => import('../features/teams/TeamPage'));
const ModelsPage = lazy(() => import('../features/models/ModelsPage'));
const ModelPage = lazy(() => import('../features/models/ModelPage'));
const ActivitiesPage = lazy(() => import('../features/activities/ActivitiesPage'));
const ActivityPage = lazy(() => import('../features/activities/ActivityPage'));
const FeedbackListPage = lazy(() => import('../features/feedback/FeedbackListPage'));
const FeedbackPage = lazy(() => import('../features/feedback/FeedbackPage'));
const AwardsPage = lazy(() => import('../features/awards/AwardsPage'));
const AwardPage = lazy(() => import('../features/awards/AwardPage'));
const DocumentsPage = lazy(() => import('../features/documents/DocumentsPage'));
const DocumentPage = lazy(() => import('../features/documents/DocumentPage'));
const RecognitionPage = lazy(() => import('../features/recognition/RecognitionPage'));
const RecognitionRecordPage = lazy(() => import('../features/recognition/RecordPage'));
const CriteriaSetsPage = lazy(() => import('../features/recognition/CriteriaSetsPage'));
const ClassificationPage = lazy(() => import('../features/recognition/ClassificationPage'));
const CyclesPage = lazy(() => import('../features/recognition/CyclesPage'));
const LevelsPage = lazy(() => import('../features/recognition/LevelsPage'));
const ReportsPage = lazy(() => import('../features/crime-reports/ReportsPage'));
const ReportDetailPage = lazy(() => import('../features/crime-reports/ReportDetailPage'));
const PostsPage = lazy(() => import('../features/portal/PostsPage'));
const PostEditorPage = lazy(() => import('../features/portal/PostEditorPage'));
const PortalFeedbackPage = lazy(() => import('../features/portal/PortalFeedbackPage'));
const ReintegrationPage = lazy(() => import('../features/reintegration/ReintegrationPage'));
const CaseDetailPage = lazy(() => import('../features/reintegration/CaseDetailPage'));
const ProgrammesPage = lazy(() => import('../features/programmes/ProgrammesPage'));
const ProgrammeDetailPage = lazy(() => import('../features/programmes/ProgrammeDetailPage'));
const PlanPage = lazy(() => import('../features/programmes/PlanPage'));
const CommitteesPage = lazy(() => import('../features/committees/CommitteesPage'));
const CommitteeDetailPage = lazy(() => import('../features/committees/CommitteeDetailPage'));
const ReviewsPage = lazy(() => import('../features/reports/ReviewsPage'));
const MovementListsPage = lazy(() => import('../features/movement-lists/MovementListsPage'));

const REINTEGRATION_READERS = ['reintegration.read', 'reintegration.help'] as const;
const LIST_MANAGERS = ['system.manage', 'units.manage'] as const;

/** The first page after signing in: the overview for those who may read it, the units for the others. */
function Home() {
  const can = useCan();
  return <Navigate to={can('dashboard.read') ? '/tong-quan' : '/don-vi'} replace />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="dang-nhap" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          <Route path="doi-mat-khau" element={<FirstPasswordPage />} />
          <Route element={<AppShell />}>
            <Route index element={<Home />} />
            <Route
              path="tong-quan"
              element={
                <RequirePermission permission="dashboard.read">
                  <DashboardPage />
                </RequirePermission>
              }
            />
            <Route
              path="don-vi/:id?"
              element={
                <RequirePermission permission="units.read">
                  <UnitsPage />
                </RequirePermission>
              }
            />
            <Route
              path="luc-luong"
              element={
                <RequirePermission permission="registry.read">
                  <TeamsPage />
                </RequirePermission>
              }
            />
            <Route
              path="luc-luong/:id"
              element={
                <RequirePermission permission="registry.read">
                  <TeamPage />
                </RequirePermission>
              }
            />
            <Route
              path="mo-hinh"
              element={
                <RequirePermission permission="registry.read">
                  <ModelsPage />
                </RequirePermission>
              }
            />
            <Route
              path="mo-hinh/:id"
              element={
                <RequirePermission permission="registry.read">
                  <ModelPage />
                </RequirePermission>
              }
            />
            <Route
              path="tai-hoa-nhap"
              element={
                <RequirePermission permission={REINTEGRATION_READERS}>
                  <ReintegrationPage />
                </RequirePermission>
              }
            />
            <Route
              path="tai-hoa-nhap/:id"
              element={
                <RequirePermission permission={REINTEGRATION_READERS}>
                  <CaseDetailPage />
                </RequirePermission>
              }
            />
            <Route
              path="chuong-trinh-phoi-hop"
              element={
                <RequirePermission permission="programmes.read">
                  <ProgrammesPage />
                </RequirePermission>
              }
            />
            <Route
              path="chuong-trinh-phoi-hop/:id"
              element={
                <RequirePermission permission="programmes.read">
                  <ProgrammeDetailPage />
                </RequirePermission>
              }
            />
            <Route
              path="chuong-trinh-phoi-hop/ke-hoach/:planId"
              element={
                <RequirePermission permission="programmes.read">
                  <PlanPage />
                </RequirePermission>
              }
            />
            <Route
              path="ban-chi-dao"
              element={
                <RequirePermission permission="programmes.read">
                  <CommitteesPage />
                </RequirePermission>
              }
            />
            <Route
              path="ban-chi-dao/:id"
              element={
                <RequirePermission permission="programmes.read">
                  <CommitteeDetailPage />
                </RequirePermission>
              }
            />
            <Route
              path="to-giac"
              element={
                <RequirePermission permission="crime_reports.read">
                  <ReportsPage />
                </RequirePermission>
              }
            />
            <Route
              path="to-giac/:id"
              element={
                <RequirePermission permission="crime_reports.read">
                  <ReportDetailPage />
                </RequirePermission>
              }
            />
            <Route
              path="cong-thong-tin/bai-viet"
              element={
                <RequirePermission permission="portal.publish">
                  <PostsPage />
                </RequirePermission>
              }
            />
            <Route
              path="cong-thong-tin/bai-viet/:id"
              element={
                <RequirePermission permission="portal.publish">
                  <PostEditorPage />
                </RequirePermission>
              }
            />
            <Route
              path="cong-thong-tin/phan-anh"
              element={
                <RequirePermission permission="feedback.read">
                  <PortalFeedbackPage />
                </RequirePermission>
              }
            />
            <Route
              path="an-toan-antt"
              element={
                <RequirePermission permission="recognition.read">
                  <RecognitionPage />
                </RequirePermission>
              }
            />
            <Route
              path="an-toan-antt/ho-so/:id"
              element={
                <RequirePermission permission="recognition.read">
                  <RecognitionRecordPage />
                </RequirePermission>
              }
            />
            <Route
              path="an-toan-antt/bo-tieu-chi"
              element={
                <RequirePermission permission="recognition.read">
                  <CriteriaSetsPage />
                </RequirePermission>
              }
            />
            <Route
              path="an-toan-antt/ky-danh-gia"
              element={
                <RequirePermission permission="recognition.configure">
                  <CyclesPage />
                </RequirePermission>
              }
            />
            <Route
              path="phan-loai-phong-trao/muc-xep-loai"
              element={
                <RequirePermission permission="classification.configure">
                  <LevelsPage />
                </RequirePermission>
              }
            />
            <Route
              path="phan-loai-phong-trao"
              element={
                <RequirePermission permission="classification.read">
                  <ClassificationPage />
                </RequirePermission>
              }
            />
            <Route
              path="hoat-dong"
              element={
                <RequirePermission permission="activities.read">
                  <ActivitiesPage />
                </RequirePermission>
              }
            />
            <Route
              path="hoat-dong/:id"
              element={
                <RequirePermission permission="activities.read">
                  <ActivityPage />
                </RequirePermission>
              }
            />
            <Route
              path="y-kien-nhan-dan"
              element={
                <RequirePermission permission="feedback.read">
                  <FeedbackListPage />
                </RequirePermission>
              }
            />
            <Route
              path="y-kien-nhan-dan/:id"
              element={
                <RequirePermission permission="feedback.read">
                  <FeedbackPage />
                </RequirePermission>
              }
            />
            <Route
              path="khen-thuong"
              element={
                <RequirePermission permission="awards.read">
                  <AwardsPage />
                </RequirePermission>
              }
            />
            <Route
              path="khen-thuong/:id"
              element={
                <RequirePermission permission="awards.read">
                  <AwardPage />
                </RequirePermission>
              }
            />
            <Route
              path="van-ban"
              element={
                <RequirePermission permission="documents.read">
                  <DocumentsPage />
                </RequirePermission>
              }
            />
            <Route
              path="van-ban/:id"
              element={
                <RequirePermission permission="documents.read">
                  <DocumentPage />
                </RequirePermission>
              }
            />
            <Route
              path="bao-cao"
              element={
                <RequirePermission permission="reports.read">
                  <ReviewsPage />
                </RequirePermission>
              }
            />
            <Route path="tai-khoan" element={<MyAccountPage />} />
            <Route
              path="quan-tri/nguoi-dung"
              element={
                <RequirePermission permission="users.read">
                  <UsersPage />
                </RequirePermission>
              }
            />
            <Route
              path="quan-tri/danh-muc"
              element={
                <RequirePermission permission={LIST_MANAGERS}>
                  <MovementListsPage />
                </RequirePermission>
              }
            />
            <Route
              path="quan-tri/nhat-ky"
              element={
                <RequirePermission permission="audit.read">
                  <AuditPage />
                </RequirePermission>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
