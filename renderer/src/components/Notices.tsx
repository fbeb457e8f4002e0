// Things main wants the staff member to know once (the token is stored as plain text, the settings
// file was damaged and recovered…), each dismissible.
import { useActions, useUiShallow } from '../store/store-context.tsx';

export function Notices() {
  const notices = useUiShallow((s) => s.app?.notices ?? []);
  const { dismissNotice } = useActions();
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label="Notices">
      <ul>
      {notices.map((notice) => (
        <li key={notice.id} className={`notice notice-${notice.kind}`}>
          <span aria-hidden="true">ℹ </span>
          <span className="notice-text">{notice.message}</span>
          <button type="button" className="quiet" aria-label={`Dismiss: ${notice.message}`} onClick={() => void dismissNotice({ id: notice.id })}>
            Dismiss
          </button>
        </li>
      ))}
      </ul>
    </section>
  );
}
