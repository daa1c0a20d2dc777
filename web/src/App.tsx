import { lazy, Suspense, useEffect, useState } from 'react';
import { currentSession, saveSession, SESSION_EVENT } from './api.ts';
import { completeCognitoSignIn } from './auth/cognito.ts';
import { loadConfig, type AppConfig } from './config.ts';
import { navigate, usePath } from './router.ts';
import { isFormId } from '../../domain/forms/ids.ts';
import { REPORTS, type ReportId } from '../../domain/reports/definitions.ts';
import { SignInPage } from './pages/SignInPage.tsx';

/**
 * Each page its own chunk, fetched when first opened: the sign-in page loads none of the form
 * engine, and a phone on a rural connection downloads only what the page it opens needs.
 */
const HomePage = lazy(() => import('./pages/HomePage.tsx').then((module) => ({ default: module.HomePage })));
const FormPage = lazy(() => import('./pages/FormPage.tsx').then((module) => ({ default: module.FormPage })));
const ImportPage = lazy(() => import('./pages/ImportPage.tsx').then((module) => ({ default: module.ImportPage })));
const InboxPage = lazy(() => import('./pages/InboxPage.tsx').then((module) => ({ default: module.InboxPage })));
const BoardPage = lazy(() => import('./pages/BoardPage.tsx').then((module) => ({ default: module.BoardPage })));
const UnitPage = lazy(() => import('./pages/UnitPage.tsx').then((module) => ({ default: module.UnitPage })));
const AppraisalsPage = lazy(() => import('./pages/AppraisalsPage.tsx').then((module) => ({ default: module.AppraisalsPage })));
const AppraisePage = lazy(() => import('./pages/AppraisePage.tsx').then((module) => ({ default: module.AppraisePage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx').then((module) => ({ default: module.DashboardPage })));
const ReportPage = lazy(() => import('./pages/ReportPage.tsx').then((module) => ({ default: module.ReportPage })));
const DrawPage = lazy(() => import('./pages/DrawPage.tsx').then((module) => ({ default: module.DrawPage })));
const NoticesPage = lazy(() => import('./pages/NoticesPage.tsx').then((module) => ({ default: module.NoticesPage })));
const StuckRecordsPage = lazy(() => import('./pages/StuckRecordsPage.tsx').then((module) => ({ default: module.StuckRecordsPage })));
const SweepPage = lazy(() => import('./pages/SweepPage.tsx').then((module) => ({ default: module.SweepPage })));
const VisitsPage = lazy(() => import('./pages/VisitsPage.tsx').then((module) => ({ default: module.VisitsPage })));
const VisitOverviewPage = lazy(() => import('./pages/VisitOverviewPage.tsx').then((module) => ({ default: module.VisitOverviewPage })));
const SubmissionPage = lazy(() => import('./pages/SubmissionPage.tsx').then((module) => ({ default: module.SubmissionPage })));

export function App() {
  const path = usePath();
  const [config, setConfig] = useState<AppConfig>();
  const [session, setSession] = useState(currentSession);

  useEffect(() => {
    const update = () => setSession(currentSession());
    window.addEventListener(SESSION_EVENT, update);
    return () => window.removeEventListener(SESSION_EVENT, update);
  }, []);

  const [configError, setConfigError] = useState(false);

  useEffect(() => {
    loadConfig()
      .then(async (loaded) => {
        if (loaded.signIn === 'cognito') await completeCognitoSignIn(loaded);
        setConfig(loaded);
      })
      .catch(() => setConfigError(true));
  }, []);

  const submissionId = /^\/submissions\/([^/]+)$/.exec(path)?.[1];
  const formId = /^\/forms\/([^/]+)$/.exec(path)?.[1];
  const unitPageId = /^\/units\/([^/]+)$/.exec(path)?.[1];
  const appraisedUnitId = /^\/appraisals\/([^/]+)$/.exec(path)?.[1];
  const drawUnitId = /^\/draws\/([^/]+)$/.exec(path)?.[1];
  const dashboardUnitId = /^\/dashboard\/([^/]+)$/.exec(path)?.[1];
  const reportId = /^\/reports\/([^/]+)$/.exec(path)?.[1];
  const visitOverviewUnitId = /^\/visits\/overview\/([^/]+)$/.exec(path)?.[1];
  const query = new URLSearchParams(location.search);
  const cycleId = query.get('cycle');
  const amends = query.get('amends') ?? undefined;
  let page;
  if (configError) page = <p className="error" role="alert">Không tải được cấu hình ứng dụng. Vui lòng tải lại trang.</p>;
  else if (!config) page = <p className="muted">Đang tải…</p>;
  else if (!session) page = <SignInPage config={config} />;
  else if (formId && isFormId(formId) && cycleId) page = <FormPage key={formId} formId={formId} cycleId={cycleId} amends={amends} />;
  else if (submissionId) page = <SubmissionPage key={submissionId} submissionId={decodeURIComponent(submissionId)} justSent={query.get('sent') === '1'} />;
  else if (path === '/imports') page = <ImportPage />;
  else if (path === '/inbox' && cycleId) page = <InboxPage cycleId={cycleId} />;
  else if (path === '/board' && cycleId) page = <BoardPage cycleId={cycleId} />;
  else if (path === '/sweep') page = <SweepPage />;
  else if (path === '/visits') page = <VisitsPage />;
  else if (visitOverviewUnitId) page = <VisitOverviewPage key={visitOverviewUnitId} unitId={decodeURIComponent(visitOverviewUnitId)} />;
  else if (path === '/stuck') page = <StuckRecordsPage />;
  else if (path === '/notices') page = <NoticesPage unitId={query.get('unit') ?? session.user.unitId} />;
  else if (path === '/appraisals' && cycleId) page = <AppraisalsPage cycleId={cycleId} />;
  else if (appraisedUnitId && cycleId) page = <AppraisePage key={appraisedUnitId} unitId={decodeURIComponent(appraisedUnitId)} cycleId={cycleId} />;
  else if (drawUnitId && cycleId) page = <DrawPage key={drawUnitId} unitId={decodeURIComponent(drawUnitId)} cycleId={cycleId} />;
  else if (reportId && reportId in REPORTS && cycleId) page = <ReportPage key={reportId} reportId={reportId as ReportId} cycleId={cycleId} />;
  else if (dashboardUnitId && cycleId) page = <DashboardPage key={dashboardUnitId} unitId={decodeURIComponent(dashboardUnitId)} cycleId={cycleId} search={query.get('q') ?? ''} filter={query.get('filter') ?? ''} />;
  else if (unitPageId && cycleId) page = <UnitPage key={unitPageId} unitId={decodeURIComponent(unitPageId)} cycleId={cycleId} />;
  else page = <HomePage />;

  return (
    <>
      <header className="topbar">
        <a href="/" className="brand" onClick={(event) => (event.preventDefault(), navigate('/'))}>
          Công nhận Chi đoàn đạt chuẩn
        </a>
        {session && (
          <span className="who">
            {session.user.name} · {session.user.unitName}{' '}
            <button type="button" className="link" onClick={() => (saveSession(undefined), navigate('/'))}>
              Đăng xuất
            </button>
          </span>
        )}
      </header>
      <main>
        <Suspense fallback={<p className="muted">Đang tải…</p>}>{page}</Suspense>
      </main>
      {config?.signIn === 'local' && config.mailInboxUrl && (
        <footer>
          Môi trường thử nghiệm · <a href={config.mailInboxUrl}>Hộp thư thử nghiệm</a>
        </footer>
      )}
    </>
  );
}
