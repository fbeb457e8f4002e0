// The Online/Offline switch and the timed breaks. A break is asked for by its length, so main sets its end
// on the server-corrected clock; going offline with no other channel asks first (core's goingOfflineWarning).
import { useState } from 'react';
import { timedBreakMinutes } from '../../../core/timed-breaks.ts';
import { durationText, goingOfflineWarning } from '../../../core/wording.ts';
import { untilSwitchedBackLabel } from '../messages.ts';
import { selectFailure, selectSwitchedOff } from '../store/selectors.ts';
import { useActions, useUi, useUiShallow } from '../store/store-context.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';

const selectSetOnlineFailure = selectFailure('setOnline');

/** Minutes of the break, or null for "until I switch back". */
type Break = number | null;

const offlineChoices: { label: string; minutes: Break }[] = [
  ...timedBreakMinutes.map((minutes) => ({ label: durationText(minutes), minutes })),
  { label: untilSwitchedBackLabel, minutes: null },
];

export function PresenceControls() {
  const switchedOff = useUi(selectSwitchedOff);
  const known = useUi((s) => s.app?.presence != null);
  const channels = useUiShallow((s) => {
    const numbers = s.app?.server?.settings.channels;
    return { sms: Boolean(numbers?.sms), whatsapp: Boolean(numbers?.whatsapp) };
  });
  const failure = useUi(selectSetOnlineFailure);
  const { setOnline } = useActions();
  const [confirming, setConfirming] = useState<{ minutes: Break } | null>(null);
  const warning = goingOfflineWarning(channels);

  const goOffline = (minutes: Break): void => {
    setConfirming(null);
    void setOnline(minutes === null ? { online: false } : { online: false, offlineForMinutes: minutes });
  };
  const requestOffline = (minutes: Break): void => (warning.needsConfirmation ? setConfirming({ minutes }) : goOffline(minutes));

  return (
    <div className="presence">
      <button
        type="button"
        role="switch"
        aria-checked={!switchedOff}
        aria-label="Chat online"
        disabled={!known}
        className={`switch ${switchedOff ? 'is-off' : 'is-on'}`}
        onClick={() => (switchedOff ? void setOnline({ online: true }) : requestOffline(null))}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-knob" />
        </span>
        <span className="switch-text">{switchedOff ? 'Offline' : 'Online'}</span>
      </button>
      <div role="group" aria-label="Go offline for" className="offline-choices">
        <span className="choices-label" aria-hidden="true">
          Go offline for
        </span>
        {offlineChoices.map((choice) => (
          <button key={choice.label} type="button" className="chip" disabled={!known} onClick={() => requestOffline(choice.minutes)}>
            {choice.label}
          </button>
        ))}
      </div>
      {switchedOff && !warning.needsConfirmation && <p className="hint presence-note">{warning.message}</p>}
      {failure && (
        <p className="field-error" role="alert">
          {failure.message}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title="Go offline?"
          message={warning.message}
          confirmLabel="Go offline"
          onConfirm={() => goOffline(confirming.minutes)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </div>
  );
}
