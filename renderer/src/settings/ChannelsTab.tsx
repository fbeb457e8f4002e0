// Settings → Channels: the clinic's SMS and WhatsApp numbers, and its emergency line. They decide what the widget offers pet
// owners and keep working whatever the web chat state; core's parseSettings checks them (E.164).
import { setChannel } from '../draft/draft-edits.ts';
import type { ChannelName } from '../draft/draft-edits.ts';
import { FieldMessage, invalidProps } from '../components/FieldMessage.tsx';
import { useActions, useUi } from '../store/store-context.tsx';
import { EmergencyContactFields } from './EmergencyContactFields.tsx';

function ChannelField({ channel, label }: { channel: ChannelName; label: string }) {
  const value = useUi((s) => s.draft?.channels[channel] ?? '');
  const path = `channels.${channel}`;
  const error = useUi((s) => s.draftErrors.find((e) => e.path === path)?.message);
  const { edit } = useActions();
  const id = `channel-${channel}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="tel"
        autoComplete="off"
        placeholder="+44 7700 900123"
        value={value}
        onChange={(event) => edit((s) => setChannel(s, channel, event.target.value))}
        {...invalidProps(path, error)}
      />
      <FieldMessage path={path} message={error} />
    </div>
  );
}

export function ChannelsTab() {
  return (
    <div className="tab-body">
      <p className="hint">
        Pet owners can text or message these numbers whether web chat is online or not. Leave a field empty if the clinic does not offer that channel;
        then, when web chat is offline, owners cannot reach you through the website.
      </p>
      <ChannelField channel="sms" label="SMS number" />
      <ChannelField channel="whatsapp" label="WhatsApp number" />
      <p className="hint">Use the international format, starting with + and the country code.</p>
      <EmergencyContactFields />
    </div>
  );
}
