// The staff console: the connection form until this PC is connected, then the header, the
// forgotten-offline reminder, notices, the navigation (Now, Settings) and the current screen.
import { Suspense, lazy } from 'react';
import { useRoute } from './route.ts';
import { Header } from './components/Header.tsx';
import { Notices } from './components/Notices.tsx';
import { NowView } from './components/NowView.tsx';
import { ReminderBanner } from './components/ReminderBanner.tsx';
import { selectConnected } from './store/selectors.ts';
import { useUi } from './store/store-context.tsx';
import { SettingsView } from './settings/SettingsView.tsx';

const ConnectionScreen = lazy(() => import('./components/ConnectionScreen.lazy.tsx').then((module) => ({ default: module.ConnectionScreen })));

function GearIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M19.4 13a7.7 7.7 0 0 0 0-2l2.1-1.6-2-3.4-2.5 1a7.6 7.6 0 0 0-1.7-1L15 3.4h-4L10.6 6a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.4L6.6 11a7.7 7.7 0 0 0 0 2l-2.1 1.6 2 3.4 2.5-1a7.6 7.6 0 0 0 1.7 1l.4 2.6h4l.4-2.6a7.6 7.6 0 0 0 1.7-1l2.5 1 2-3.4zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
        transform="translate(-1 0)"
      />
    </svg>
  );
}

function Navigation({ screen }: { screen: 'now' | 'settings' }) {
  const unsaved = useUi((s) => s.unsaved);
  return (
    <nav aria-label="Sections" className="nav">
      <a href="#/now" aria-current={screen === 'now' ? 'page' : undefined}>
        Now
      </a>
      <a href="#/settings/hours" aria-current={screen === 'settings' ? 'page' : undefined}>
        <GearIcon />
        Settings
        {unsaved && <span className="badge">unsaved</span>}
      </a>
    </nav>
  );
}

function Console() {
  const route = useRoute();
  return (
    <div className="console">
      <Header />
      <ReminderBanner />
      <Notices />
      <div className="console-body">
        <Navigation screen={route.screen} />
        <main className="screen">{route.screen === 'settings' ? <SettingsView tab={route.tab} /> : <NowView />}</main>
      </div>
    </div>
  );
}

export function App() {
  const ready = useUi((s) => s.app !== null);
  const connected = useUi(selectConnected);
  const unavailable = useUi((s) => (s.app === null ? (s.failures.getState?.message ?? null) : null));
  if (unavailable) {
    return (
      <main className="connect">
        <h1>Clinic Chat Desk</h1>
        <p className="field-error">{unavailable}</p>
      </main>
    );
  }
  if (!ready) return <p className="hint loading">Loading…</p>;
  return connected ? (
    <Console />
  ) : (
    <>
      {/* A damaged settings file, an unreadable token, the administrator's configuration errors. */}
      <Notices />
      <Suspense fallback={<p className="hint loading">Loading…</p>}>
        <ConnectionScreen />
      </Suspense>
    </>
  );
}
