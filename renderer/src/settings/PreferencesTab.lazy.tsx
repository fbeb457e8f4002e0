// Settings → Preferences: this PC's own settings, applied at once, then the connection. Values the IT
// administrator locked are read-only.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { preferenceInputSchema } from '../../../core/schemas/app-api.ts';
import { FieldMessage, invalidProps } from '../components/FieldMessage.tsx';
import { ManagedNote } from '../components/ManagedNote.tsx';
import { selectFailure, selectLocked, selectManagedNote } from '../store/selectors.ts';
import { useActions, useUi } from '../store/store-context.tsx';
import { ConnectionDetails } from './ConnectionDetails.tsx';
import { ReminderPreference } from './ReminderPreference.tsx';

const selectPreferenceFailure = selectFailure('setPreference');
const selectPcNameLocked = selectLocked('pcName');

function LockedPcName() {
  const name = useUi((s) => s.app?.preferences.pcName ?? '');
  const note = useUi(selectManagedNote);
  return (
    <div className="field">
      <label htmlFor="pc-name">This PC’s name</label>
      <input id="pc-name" type="text" value={name} readOnly aria-describedby="pc-name-managed" />
      <ManagedNote id="pc-name-managed" note={note} />
    </div>
  );
}

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

export function PreferencesTab() {
  const pcNameLocked = useUi(selectPcNameLocked);
  return (
    <div className="tab-body">
      {pcNameLocked ? <LockedPcName /> : <PcNameForm />}
      <PreferenceCheckbox preference="launchAtLogin" label="Launch at login" hint="Start Clinic Chat Desk in the tray when this PC starts." />
      <PreferenceCheckbox preference="notifications" label="Show notifications" hint="Say when chat opens, closes or is switched by another PC." />
      <ReminderPreference />
      <ConnectionDetails />
    </div>
  );
}
