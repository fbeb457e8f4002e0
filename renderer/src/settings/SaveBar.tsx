// The footer of the settings tabs that edit the draft: the unsaved marker, why Save is disabled, and
// Save / Reset / Discard changes. Reset only belongs to the Business Hours grid (the article's button).
import { resetWeek } from '../draft/draft-edits.ts';
import { fixFieldsText, saveStateText } from '../messages.ts';
import { selectCanSave, selectFailure, selectInConflict, selectSaveInFlight } from '../store/selectors.ts';
import { useActions, useUi } from '../store/store-context.tsx';

const selectSaveFailure = selectFailure('saveSettings');
const selectStashFailure = selectFailure('stashDraft');

export function SaveBar({ withReset }: { withReset: boolean }) {
  const unsaved = useUi((s) => s.unsaved);
  const inFlight = useUi(selectSaveInFlight);
  const waitingForServer = useUi((s) => s.app?.sync.state === 'offline');
  const canSave = useUi(selectCanSave);
  const problems = useUi((s) => s.draftErrors.length);
  const inConflict = useUi(selectInConflict);
  const saveFailure = useUi(selectSaveFailure);
  const failure = useUi(selectStashFailure) ?? saveFailure;
  const { save, discard, edit } = useActions();
  return (
    <div className="save-bar">
      <div className="save-state">
        <p className={unsaved ? 'unsaved' : 'saved'}>
          <span aria-hidden="true">{unsaved ? '● ' : inFlight ? '↻ ' : '✓ '}</span>
          {saveStateText({ unsaved, inFlight, waitingForServer })}
        </p>
        {problems > 0 && <p className="field-error">{fixFieldsText(problems)}</p>}
        {inConflict && <p className="field-error">Choose “Keep mine” or “Use theirs” above before saving again.</p>}
        {failure && (
          <p className="field-error" role="alert">
            {failure.message}
          </p>
        )}
      </div>
      <div className="save-actions">
        <button type="button" className="primary" disabled={!canSave} onClick={() => void save()}>
          Save
        </button>
        {withReset && (
          <button type="button" onClick={() => edit(resetWeek)}>
            Reset
          </button>
        )}
        <button type="button" disabled={!unsaved} onClick={discard}>
          Discard changes
        </button>
      </div>
    </div>
  );
}
