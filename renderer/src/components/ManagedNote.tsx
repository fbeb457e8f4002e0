// Beside a value the clinic's IT administrator set and locked on this PC: a padlock and main's note
// ("Set by your clinic's IT administrator"), in words, so a read-only field never looks broken.
export function ManagedNote({ id, note }: { id: string; note: string | null }) {
  if (note === null) return null;
  return (
    <p id={id} className="managed-note">
      <svg className="icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M17 9h-1V7a4 4 0 0 0-8 0v2H7a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-9a2 2 0 0 0-2-2zm-7-2a2 2 0 0 1 4 0v2h-4z" />
      </svg>
      {note}
    </p>
  );
}
