import { LoginForm } from './login-form';

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const params = await searchParams;
  const next = typeof params.next === 'string' ? params.next : '/admin';
  const notice =
    params.set === '1'
      ? 'Your password is set. Sign in with it now.'
      : params.signedout === '1'
        ? 'You are signed out.'
        : null;
  return (
    <>
      <h1 className="mb-1 font-serif text-2xl font-bold">Sign in to the newsroom</h1>
      <p className="mb-6 text-sm text-muted">For staff of the news desk. Readers need no account.</p>
      {notice ? (
        <p data-testid="sign-in-notice" className="mb-5 rounded-md border border-rule bg-panel px-3 py-2 text-sm">
          {notice}
        </p>
      ) : null}
      <LoginForm next={next} />
      <p className="mt-6 text-xs text-muted">
        Forgot your password? Ask an administrator for a new sign-in link.
      </p>
    </>
  );
}
