// Under the grid: the next 14 days as the draft stands, a bar and a sentence per day (what screen readers
// read). A lazy chunk: core's hoursPreview brings luxon's zone tables, which the grid does not need.
import { useDeferredValue } from 'react';
import { wallTime } from '../format.ts';
import { useUi, useUiShallow } from '../store/store-context.tsx';
import { PREVIEW_DAYS, hoursPreviewRows } from './hours-preview-model.ts';
import type { PreviewRow } from './hours-preview-model.ts';

/** The bar's drawing width: segments are fractions of the day, so any width works; 1000 keeps them crisp. */
const TRACK_WIDTH = 1000;
const ticks = [0.25, 0.5, 0.75];
const scale = ['00:00', '06:00', '12:00', '18:00'];

/** Drawn in SVG so positions need no style attributes (the CSP forbids inline styles). */
function DayTrack({ row }: { row: PreviewRow }) {
  return (
    <svg className="preview-track" viewBox={`0 0 ${TRACK_WIDTH} 10`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="track-day" x="0" y="0" width={TRACK_WIDTH} height="10" />
      {ticks.map((tick) => (
        <line key={tick} className="track-tick" x1={tick * TRACK_WIDTH} x2={tick * TRACK_WIDTH} y1="0" y2="10" />
      ))}
      {row.bars.map((bar) => (
        <rect key={bar.from} className="track-open" x={bar.from * TRACK_WIDTH} y="0" width={(bar.to - bar.from) * TRACK_WIDTH} height="10" />
      ))}
    </svg>
  );
}

function DayLine({ row }: { row: PreviewRow }) {
  const classes = ['preview-day', `kind-${row.kind}`, row.today ? 'is-today' : '', row.clockChange ? 'has-clock-change' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes}>
      <span className="preview-date">
        {row.dateLabel}
        {row.today && <span className="preview-today"> (today)</span>}
        <span className="visually-hidden">: </span>
      </span>
      <DayTrack row={row} />
      <span className="preview-hours">
        {row.hoursText}
        {row.notes.map((note) => (
          <span key={note} className="preview-note">
            {' · '}
            {note}
          </span>
        ))}
      </span>
    </li>
  );
}

/** What the first render draws with: the grid becomes interactive first, the days follow in the background. */
const NOT_YET = { draft: null, valid: true } as const;

export function HoursPreview() {
  // Deferred: opening the tab and typing in the grid stay instant; the preview follows a moment later.
  const { draft, valid } = useDeferredValue(
    useUiShallow((s) => ({ draft: s.draft, valid: s.draftErrors.length === 0 })),
    NOT_YET,
  );
  const unsaved = useUi((s) => s.unsaved);
  const now = useUi((s) => s.now);
  const rows = draft !== null && valid ? hoursPreviewRows(draft, now()) : null;
  return (
    <section className="hours-preview" aria-labelledby="hours-preview-title">
      <h3 id="hours-preview-title">Next {PREVIEW_DAYS} days</h3>
      {draft === null ? (
        <p className="hint">Working out the next {PREVIEW_DAYS} days…</p>
      ) : rows === null ? (
        <p className="hint">The preview returns once the highlighted fields above are fixed.</p>
      ) : (
        <>
          <p className="hint">
            When web chat accepts messages {unsaved ? 'with the hours as edited here, not saved yet' : 'with the saved hours'}, in the clinic’s time zone ({draft?.timezone}).
            Closures and clock changes are marked.
          </p>
          <div className="preview-scale" aria-hidden="true">
            <span />
            <span className="preview-scale-times">
              {scale.map((time) => (
                <span key={time}>{wallTime(time)}</span>
              ))}
            </span>
          </div>
          <ol className="preview-days" aria-label={`When web chat accepts messages, next ${PREVIEW_DAYS} days`}>
            {rows.map((row) => (
              <DayLine key={row.date} row={row} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
