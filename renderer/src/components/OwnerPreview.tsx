// "What pet owners see now": the website widget's state for the current availability, worded by
// core's ownerBanner exactly as the widget words it.
import { ownerBanner } from '../../../core/wording.ts';
import type { Availability } from '../../../core/availability.ts';
import { wordingOptions } from '../format.ts';
import { selectClinicTimezone } from '../store/selectors.ts';
import { useUi } from '../store/store-context.tsx';

export function OwnerPreview() {
  const availability = useUi((s) => s.app?.availability ?? null);
  const timezone = useUi(selectClinicTimezone);
  return (
    <section className="owner-preview card" aria-labelledby="owner-preview-title">
      <h2 id="owner-preview-title">What pet owners see now</h2>
      {availability === null || timezone === null ? (
        <p className="hint">Waiting for the clinic’s settings…</p>
      ) : availability.accepting ? (
        <div className="widget-mock widget-open">
          <p className="widget-title">
            <ChatBubble />
            Chat with us
          </p>
          <p className="hint">The chat button is live on your website: pet owners can start a chat.</p>
        </div>
      ) : (
        <OwnerBannerMock availability={availability} timezone={timezone} />
      )}
      {availability !== null && !availability.reachable && (
        <p className="field-error">
          <span aria-hidden="true">⚠ </span>Right now pet owners cannot reach the clinic through the website.
        </p>
      )}
    </section>
  );
}

/** The widget's banner for an availability that is not accepting, worded by core's ownerBanner. */
export function OwnerBannerMock({ availability, timezone }: { availability: Availability; timezone: string }) {
  const now = useUi((s) => s.now)();
  const banner = ownerBanner(availability, wordingOptions(timezone, now));
  return (
    <div className="widget-mock widget-banner">
      {banner.emergency && (
        <p className="widget-emergency">
          {banner.emergency.label}: <span className="widget-link">{banner.emergency.callText}</span>
        </p>
      )}
      <p className="widget-title">{banner.title}</p>
      {banner.detail && <p>{banner.detail}</p>}
      {banner.otherChannels && <p>{banner.otherChannels}</p>}
      {availability.widget === 'disabled' && <p className="hint">The chat button is disabled on your website today.</p>}
    </div>
  );
}

/** Drawn, not an emoji: clinic PCs often lack a colour emoji font. */
function ChatBubble() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
    </svg>
  );
}
