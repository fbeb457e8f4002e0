// The clinic's optional emergency line, shown first in the website's banner whenever chat is not
// accepting; the example below draws that banner from the draft with core's ownerBanner.
import type { Availability } from '../../../core/availability.ts';
import type { ChatSettings, EmergencyContact } from '../../../core/schemas/schedule.ts';
import { setEmergencyField } from '../draft/draft-edits.ts';
import type { EmergencyField } from '../draft/draft-edits.ts';
import { FieldMessage, invalidProps } from '../components/FieldMessage.tsx';
import { OwnerBannerMock } from '../components/OwnerPreview.tsx';
import { errorsUnder } from '../store/selectors.ts';
import { useActions, useUi, useUiShallow } from '../store/store-context.tsx';

const EXPLANATION_ID = 'emergency-where';

function EmergencyField({ field, label, type, placeholder }: { field: EmergencyField; label: string; type: 'text' | 'tel'; placeholder: string }) {
  const value = useUi((s) => s.draft?.emergency?.[field] ?? '');
  const path = `emergency.${field}`;
  const error = useUi((s) => s.draftErrors.find((e) => e.path === path)?.message);
  const { edit } = useActions();
  const id = `emergency-${field}`;
  const invalid = invalidProps(path, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        autoComplete="off"
        placeholder={placeholder}
        value={value}
        onChange={(event) => edit((s) => setEmergencyField(s, field, event.target.value))}
        {...invalid}
        aria-describedby={[invalid['aria-describedby'], EXPLANATION_ID].filter(Boolean).join(' ')}
      />
      <FieldMessage path={path} message={error} />
    </div>
  );
}

/** The banner as owners would see it outside the clinic's hours, with the draft's emergency line and channels. */
function exampleAvailability(emergency: EmergencyContact, channels: ChatSettings['channels']): Availability {
  const others = { sms: Boolean(channels.sms), whatsapp: Boolean(channels.whatsapp) };
  return { accepting: false, reason: 'outside-hours', widget: 'banner', opensAt: null, closesAt: null, channels: others, reachable: true, emergency };
}

function BannerExample() {
  const emergency = useUi((s) => s.draft?.emergency ?? null);
  const channels = useUi((s) => s.draft?.channels ?? null);
  const timezone = useUi((s) => s.draft?.timezone ?? 'UTC');
  const valid = useUiShallow((s) => Object.keys(errorsUnder(s.draftErrors, 'emergency')).length === 0);
  if (emergency === null || channels === null || !valid) return null;
  return (
    <figure className="emergency-example" aria-labelledby="emergency-example-caption">
      <figcaption className="hint" id="emergency-example-caption">How the website’s chat banner starts when web chat is not accepting (example: outside your hours):</figcaption>
      <OwnerBannerMock availability={exampleAvailability(emergency, channels)} timezone={timezone} />
    </figure>
  );
}

export function EmergencyContactFields() {
  return (
    <fieldset className="emergency-contact">
      <legend>Emergency contact (optional)</legend>
      <p className="hint" id={EXPLANATION_ID}>
        Shown first and most prominently, as a tap-to-call link at the top of the chat banner on your website, whenever web chat is not accepting
        messages: when you are offline, outside your hours, on an unticked day or a closure. Leave both fields empty if you have no emergency line.
      </p>
      <EmergencyField field="label" label="Emergency label" type="text" placeholder="Out-of-hours emergencies: Riverside 24h Vets" />
      <EmergencyField field="phone" label="Emergency phone number" type="tel" placeholder="+44 20 7946 0000" />
      <BannerExample />
    </fieldset>
  );
}
