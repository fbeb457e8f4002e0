// The always-visible header: the clinic, the switch and timed breaks, the status sentence (from main,
// worded by core) and the sync indicator.
import { syncIndicatorText } from '../messages.ts';
import { useUi, useUiShallow } from '../store/store-context.tsx';
import { PresenceControls } from './PresenceControls.tsx';

function StatusLine() {
  const tone = useUi((s) => s.app?.status.tone ?? 'not-connected');
  const sentence = useUi((s) => s.app?.status.sentence ?? '');
  return (
    <p role="status" className={`status-line tone-${tone}`}>
      <span className="status-dot" aria-hidden="true" />
      {sentence}
    </p>
  );
}

const syncIcons = { synced: '✓', saving: '↻', offline: '⚠', conflict: '⚠', connecting: '↻', 'not-connected': '⚠', error: '⚠' } as const;

function SyncIndicator() {
  const sync = useUiShallow((s) => ({
    state: s.app?.sync.state ?? 'not-connected',
    pending: s.app?.sync.pending ?? 0,
    lastError: s.app?.sync.lastError ?? null,
  }));
  const text = syncIndicatorText(sync);
  return (
    <p className={`sync sync-${sync.state}`}>
      <span aria-hidden="true">{syncIcons[sync.state]} </span>
      <span className="visually-hidden">Sync: </span>
      {text.label}
      {text.detail && <span className="sync-detail"> · {text.detail}</span>}
    </p>
  );
}

export function Header() {
  const clinicName = useUi((s) => s.app?.connection?.clinicName ?? s.app?.connection?.clinicId ?? 'Clinic Chat Desk');
  const pcName = useUi((s) => s.app?.preferences.pcName ?? '');
  return (
    <header className="app-header">
      <div className="clinic">
        <h1>{clinicName}</h1>
        {pcName && <p className="hint">This PC: {pcName}</p>}
      </div>
      <PresenceControls />
      <div className="header-status">
        <StatusLine />
        <SyncIndicator />
      </div>
    </header>
  );
}
