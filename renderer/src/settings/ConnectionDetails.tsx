// Preferences → Connection: the server, the clinic, how the token is kept, and Disconnect (absent when
// the IT administrator locked the connection, since main would refuse it).
import type { ManagedSetting } from '../../../core/schemas/app-api.ts';
import { ManagedNote } from '../components/ManagedNote.tsx';
import { selectConnectionLocked, selectFailure, selectLocked, selectManagedNote } from '../store/selectors.ts';
import { useActions, useUi, useUiShallow } from '../store/store-context.tsx';

const selectDisconnectFailure = selectFailure('disconnect');

function Locked({ setting }: { setting: ManagedSetting }) {
  const locked = useUi(selectLocked(setting));
  const note = useUi(selectManagedNote);
  return locked ? <ManagedNote id={`managed-${setting}`} note={note} /> : null;
}

export function ConnectionDetails() {
  const connection = useUiShallow((s) => s.app?.connection ?? null);
  const connectionLocked = useUi(selectConnectionLocked);
  const failure = useUi(selectDisconnectFailure);
  const { disconnect } = useActions();
  if (connection === null) return null;
  return (
    <section className="connection-details" aria-labelledby="connection-title">
      <h3 id="connection-title">Connection</h3>
      <dl>
        <dt>Server address</dt>
        <dd>
          {connection.serverUrl}
          <Locked setting="serverUrl" />
        </dd>
        <dt>Clinic ID</dt>
        <dd>
          {connection.clinicId}
          <Locked setting="clinicId" />
        </dd>
        <dt>Access token</dt>
        <dd>
          {connection.tokenStorage === 'encrypted' ? 'Stored encrypted on this PC' : 'Stored as plain text on this PC'}
          {connection.tokenStorageNote && <span className="hint"> — {connection.tokenStorageNote}</span>}
          <Locked setting="token" />
        </dd>
      </dl>
      {connectionLocked ? (
        <p className="hint">This PC stays connected to this clinic: its connection is managed for you.</p>
      ) : (
        <button type="button" onClick={() => void disconnect()}>
          Disconnect this PC
        </button>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure.message}
        </p>
      )}
    </section>
  );
}
