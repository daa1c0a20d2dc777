import { useEffect, useState } from 'react';
import { currentSession, saveSession, SESSION_EVENT } from './api.ts';
import { completeCognitoSignIn } from './auth/cognito.ts';
import { loadConfig, type AppConfig } from './config.ts';
import { navigate, usePath } from './router.ts';
import { HomePage } from './pages/HomePage.tsx';
import { FormPage } from './pages/FormPage.tsx';
import { FORMS, type FormId } from '../../domain/forms/index.ts';
import { ImportPage } from './pages/ImportPage.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { BoardPage } from './pages/BoardPage.tsx';
import { UnitPage } from './pages/UnitPage.tsx';
import { AppraisalsPage } from './pages/AppraisalsPage.tsx';
import { AppraisePage } from './pages/AppraisePage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { ReportPage } from './pages/ReportPage.tsx';
import { REPORTS, type ReportId } from '../../domain/reports/reports.ts';
import { DrawPage } from './pages/DrawPage.tsx';
import { NoticesPage } from './pages/NoticesPage.tsx';
import { StuckRecordsPage } from './pages/StuckRecordsPage.tsx';
import { SweepPage } from './pages/SweepPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SubmissionPage } from './pages/SubmissionPage.tsx';

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
  const query = new URLSearchParams(location.search);
  const cycleId = query.get('cycle');
  const amends = query.get('amends') ?? undefined;
  let page;
  if (configError) page = <p className="error" role="alert">Không tải được cấu hình ứng dụng. Vui lòng tải lại trang.</p>;
  else if (!config) page = <p className="muted">Đang tải…</p>;
  else if (!session) page = <SignInPage config={config} />;
  else if (formId && formId in FORMS && cycleId) page = <FormPage key={formId} formId={formId as FormId} cycleId={cycleId} amends={amends} />;
  else if (submissionId) page = <SubmissionPage key={submissionId} submissionId={decodeURIComponent(submissionId)} justSent={query.get('sent') === '1'} />;
  else if (path === '/imports') page = <ImportPage />;
  else if (path === '/inbox' && cycleId) page = <InboxPage cycleId={cycleId} />;
  else if (path === '/board' && cycleId) page = <BoardPage cycleId={cycleId} />;
  else if (path === '/sweep') page = <SweepPage />;
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
      <main>{page}</main>
      {config?.signIn === 'local' && config.mailInboxUrl && (
        <footer>
          Môi trường thử nghiệm · <a href={config.mailInboxUrl}>Hộp thư thử nghiệm</a>
        </footer>
      )}
    </>
  );
}
