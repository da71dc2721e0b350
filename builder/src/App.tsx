import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminClientContext } from './api/AdminClientContext.js';
import { useAdminSession } from './auth/useAdminSession.js';
import { AppHeader } from './components/AppHeader.js';
import { SkipLink } from './components/SkipLink.js';
import { useRoute } from './routing/navigation.js';
import { FlowDetailScreen } from './screens/FlowDetailScreen.js';
import { FlowListScreen } from './screens/FlowListScreen.js';
import { LoginScreen } from './screens/LoginScreen.js';
import { NotFoundScreen } from './screens/NotFoundScreen.js';

const MAIN_ID = 'main';

// React Flow, elkjs and the canvas load only when a canvas is opened, keeping the login page small.
const CanvasScreen = lazy(() => import('./canvas/CanvasScreen.js'));

function CanvasFallback() {
  const { t } = useTranslation();
  return (
    <p className="muted centered" role="status">
      {t('common.loading')}
    </p>
  );
}

function Screen() {
  const route = useRoute();
  switch (route.name) {
    case 'flows':
      return <FlowListScreen />;
    case 'flow':
      // keyed: a different flow starts with fresh state (test chat, publish form)
      return <FlowDetailScreen key={route.flowId} flowId={route.flowId} />;
    case 'canvas':
      return (
        <Suspense fallback={<CanvasFallback />}>
          <CanvasScreen key={route.flowId} flowId={route.flowId} />
        </Suspense>
      );
    default:
      return <NotFoundScreen />;
  }
}

/** Login gate, header and the current screen. */
export function App({ initialToken }: { initialToken: string | null }) {
  const { t } = useTranslation();
  const { session, client, signIn, signOut } = useAdminSession(initialToken);
  const signedIn = session.phase === 'signedIn' && client !== null;
  const wide = useRoute().name === 'canvas';

  return (
    <>
      <SkipLink targetId={MAIN_ID} />
      <AppHeader onSignOut={signedIn ? signOut : undefined} />
      <main id={MAIN_ID} tabIndex={-1} className={wide ? 'app-main app-main-wide' : 'app-main'}>
        {signedIn ? (
          <AdminClientContext.Provider value={client}>
            <Screen />
          </AdminClientContext.Provider>
        ) : session.phase === 'checking' && initialToken === session.token ? (
          <p className="muted centered" role="status">
            {t('login.checking')}
          </p>
        ) : (
          <LoginScreen
            checking={session.phase === 'checking'}
            error={session.phase === 'signedOut' ? session.error : null}
            expired={session.phase === 'signedOut' && session.expired}
            onSubmit={signIn}
          />
        )}
      </main>
    </>
  );
}
