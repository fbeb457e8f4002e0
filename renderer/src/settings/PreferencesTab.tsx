// Settings → Preferences: this PC's name (colleagues see it as who switched), launch at login and
// notifications, the forgotten-offline reminder. These apply at once (they are this PC's, not the clinic's), and the connection.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { preferenceInputSchema } from '../../../core/app-contract.ts';
import { FieldMessage, invalidProps } from '../components/FieldMessage.tsx';
import { selectFailure } from '../store/selectors.ts';
import { useActions, useUi } from '../store/store-context.tsx';
import { ReminderPreference } from './ReminderPreference.tsx';

const selectPreferenceFailure = selectFailure('setPreference');

function PcNameForm() {
  const saved = useUi((s) => s.app?.preferences.pcName ?? '');
  const failure = useUi(selectPreferenceFailure);
  const { setPreference } = useActions();
  const [name, setName] = useState(saved);
  const [error, setError] = useState<string | undefined>();

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const parsed = preferenceInputSchema.safeParse({ key: 'pcName', value: name });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    await setPreference(parsed.data);
  }

  const message = error ?? failure?.message;
  return (
    <form className="field" onSubmit={(event) => void submit(event)}>
      <label htmlFor="pc-name">This PC’s name</label>
      <div className="inline-controls">
        <input id="pc-name" type="text" maxLength={64} value={name} onChange={(event) => setName(event.target.value)} {...invalidProps('pcName', message)} />
        <button type="submit" disabled={name.trim() === saved}>
          Save name
        </button>
      </div>
      <p className="hint">Colleagues see this name when this PC switches chat offline.</p>
      <FieldMessage path="pcName" message={message} />
    </form>
  );
}

function PreferenceCheckbox({ preference, label, hint }: { preference: 'launchAtLogin' | 'notifications'; label: string; hint: string }) {
  const checked = useUi((s) => s.app?.preferences[preference] ?? false);
  const { setPreference } = useActions();
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" checked={checked} aria-describedby={`${preference}-hint`} onChange={(event) => void setPreference({ key: preference, value: event.target.checked })} />
        {label}
      </label>
      <p className="hint" id={`${preference}-hint`}>
        {hint}
      </p>
    </div>
  );
}

function ConnectionDetails() {
  const connection = useUi((s) => s.app?.connection ?? null);
  const { disconnect } = useActions();
  if (connection === null) return null;
  return (
    <section className="connection-details" aria-labelledby="connection-title">
      <h3 id="connection-title">Connection</h3>
      <dl>
        <dt>Server address</dt>
        <dd>{connection.serverUrl}</dd>
        <dt>Clinic ID</dt>
        <dd>{connection.clinicId}</dd>
        <dt>Access token</dt>
        <dd>
          {connection.tokenStorage === 'encrypted' ? 'Stored encrypted on this PC' : 'Stored as plain text on this PC'}
          {connection.tokenStorageNote && <span className="hint"> — {connection.tokenStorageNote}</span>}
        </dd>
      </dl>
      <button type="button" onClick={() => void disconnect()}>
        Disconnect this PC
      </button>
    </section>
  );
}

export function PreferencesTab() {
  return (
    <div className="tab-body">
      <PcNameForm />
      <PreferenceCheckbox preference="launchAtLogin" label="Launch at login" hint="Start Clinic Chat Desk in the tray when this PC starts." />
      <PreferenceCheckbox preference="notifications" label="Show notifications" hint="Say when chat opens, closes or is switched by another PC." />
      <ReminderPreference />
      <ConnectionDetails />
    </div>
  );
}
