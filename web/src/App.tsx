import { useEffect, useState } from 'react';
import { currentSession, saveSession, SESSION_EVENT } from './api.ts';
import { navigate, usePath } from './router.ts';
import { HomePage } from './pages/HomePage.tsx';
import { PlanFormPage } from './pages/PlanFormPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SubmissionPage } from './pages/SubmissionPage.tsx';

interface AppConfig {
  signIn: 'local' | 'cognito';
  mailInboxUrl?: string;
}

export function App() {
  const path = usePath();
  const [config, setConfig] = useState<AppConfig>();
  const [session, setSession] = useState(currentSession);

  useEffect(() => {
    const update = () => setSession(currentSession());
    window.addEventListener(SESSION_EVENT, update);
    return () => window.removeEventListener(SESSION_EVENT, update);
  }, []);

  useEffect(() => {
    fetch('/app-config.json')
      .then((response) => response.json() as Promise<AppConfig>)
      .then(setConfig)
      .catch(() => setConfig({ signIn: 'cognito' }));
  }, []);

  const submissionId = /^\/submissions\/([^/]+)$/.exec(path)?.[1];
  let page;
  if (!session) page = <SignInPage />;
  else if (path === '/forms/implementation-plan') page = <PlanFormPage />;
  else if (submissionId) page = <SubmissionPage submissionId={decodeURIComponent(submissionId)} />;
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
      {config?.mailInboxUrl && (
        <footer>
          Môi trường thử nghiệm · <a href={config.mailInboxUrl}>Hộp thư thử nghiệm</a>
        </footer>
      )}
    </>
  );
}
