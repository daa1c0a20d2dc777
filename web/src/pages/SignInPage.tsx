import { useEffect, useState } from 'react';
import { ApiError, request, saveSession, type SignedInUser } from '../api.ts';
import { startCognitoSignIn } from '../auth/cognito.ts';
import type { AppConfig } from '../config.ts';
import { isRole, roleLabel } from '../../../domain/roles.ts';
import { navigate } from '../router.ts';

export function SignInPage({ config }: { config: AppConfig }) {
  if (config.signIn === 'cognito') {
    return (
      <section>
        <h1>Đăng nhập</h1>
        <p>Đăng nhập bằng tài khoản do Ban Tổ chức cấp.</p>
        <button type="button" className="primary" onClick={() => void startCognitoSignIn(config)}>
          Đăng nhập
        </button>
      </section>
    );
  }
  return <DemoSignIn />;
}

/** One machine only: choose a demo account; no password. */
function DemoSignIn() {
  const [users, setUsers] = useState<SignedInUser[]>([]);
  const [error, setError] = useState<string>();
  const [userId, setUserId] = useState('');

  useEffect(() => {
    request<{ users: SignedInUser[] }>('GET', '/local/demo-users')
      .then((result) => setUsers(result.users))
      .catch(() => setError('Không tải được danh sách tài khoản thử nghiệm.'));
  }, []);

  async function signIn(id: string) {
    try {
      saveSession(await request<{ token: string; user: SignedInUser }>('POST', '/local/sign-in', { userId: id }));
      navigate('/');
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 404 ? `Không có tài khoản "${id}".` : 'Đăng nhập không thành công, vui lòng thử lại.');
    }
  }

  return (
    <section>
      <h1>Đăng nhập</h1>
      <p>Chọn một tài khoản thử nghiệm:</p>
      {error && <p className="error" role="alert">{error}</p>}
      <ul className="cards">
        {users.map((user) => (
          <li key={user.userId}>
            <button type="button" className="card" onClick={() => void signIn(user.userId)}>
              <strong>{user.name}</strong>
              <span>{user.roles.map((role) => (isRole(role) ? roleLabel(role, user.unitKind) : role)).join(', ')}</span>
              <span className="muted">{user.unitName}</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (userId.trim()) void signIn(userId.trim());
        }}
      >
        <label htmlFor="other-user">Hoặc nhập tên đăng nhập khác (tài khoản đã nhập từ tệp):</label>
        <input id="other-user" value={userId} onChange={(event) => setUserId(event.target.value)} autoCapitalize="none" autoComplete="username" />
        <button type="submit" className="secondary">
          Đăng nhập
        </button>
      </form>
    </section>
  );
}
