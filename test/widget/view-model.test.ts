import { describe, expect, it } from 'vitest';
import type { Availability } from '../../core/availability.ts';
import type { AvailabilityResponse } from '../../core/schemas/http-api.ts';
import { widgetViewModel } from '../../server/widget/browser/view-model.ts';

const wording = { timezone: 'Europe/London', now: new Date('2026-11-25T19:30:00Z'), locale: 'en-GB', hour12: false };
const emergency = { phone: '+441632960111', label: 'Out-of-hours emergencies: Riverside 24h Vets' };

function answer(availability: Partial<Availability>, contact: Partial<AvailabilityResponse['contact']> = {}): AvailabilityResponse {
  const sms = contact.sms ?? null;
  const whatsapp = contact.whatsapp ?? null;
  return {
    accepting: false,
    reason: 'outside-hours',
    widget: 'banner',
    opensAt: '2026-11-26T09:00:00Z',
    closesAt: null,
    channels: { sms: sms !== null, whatsapp: whatsapp !== null },
    reachable: sms !== null || whatsapp !== null,
    emergency: null,
    clinic: { name: 'Riverside Vets', timezone: 'Europe/London' },
    contact: { sms, whatsapp },
    ...availability,
  };
}

describe('widgetViewModel', () => {
  it('offers the chat form while accepting, with no emergency line', () => {
    const model = widgetViewModel(answer({ accepting: true, reason: 'open', widget: 'chat', opensAt: null, closesAt: '2026-11-25T18:00:00Z', emergency }), wording);
    expect(model).toMatchObject({ mode: 'chat', visible: true, emergency: null, heading: 'Chat with us', launcher: { label: 'Chat with us', offline: false } });
  });

  it('says when chat is back, in the clinic zone, with the emergency line as a tel: link', () => {
    const model = widgetViewModel(answer({ emergency }), wording);
    expect(model.heading).toBe('We’re outside our chat hours');
    expect(model.detail).toBe('Chat is back tomorrow at 09:00');
    expect(model.emergency).toEqual({ label: emergency.label, callText: 'Call +441632960111', href: 'tel:+441632960111' });
    expect(model.launcher).toEqual({ label: 'Chat (offline)', offline: true });
  });

  it('links SMS and WhatsApp and says so in words', () => {
    const model = widgetViewModel(answer({ reason: 'offline' }, { sms: '+447700900123', whatsapp: '+447700900456' }), wording);
    expect(model.smsHref).toBe('sms:+447700900123');
    expect(model.whatsappHref).toBe('https://wa.me/447700900456');
    expect(model.otherChannels).toBe('You can still text us or message us on WhatsApp.');
  });

  it('shows nothing at all on a day off when the clinic gave no other way to reach it', () => {
    const model = widgetViewModel(answer({ reason: 'day-off', widget: 'disabled' }), wording);
    expect(model.visible).toBe(false);
  });

  it('on a day off shows the other ways without a chat entry', () => {
    const model = widgetViewModel(answer({ reason: 'closure', widget: 'disabled', emergency }), wording);
    expect(model).toMatchObject({ visible: true, mode: 'disabled', heading: 'Chat is closed today', launcher: { label: 'Contact us' } });
    expect(model.emergency?.href).toBe('tel:+441632960111');
  });

  it('never turns a malformed number into a link', () => {
    const model = widgetViewModel(answer({ emergency: { phone: 'javascript:alert(1)', label: 'x' } }, { sms: '0800 FLOWERS', whatsapp: '+44 7700' }), wording);
    expect(model.emergency).toBeNull();
    expect(model.smsHref).toBeNull();
    expect(model.whatsappHref).toBeNull();
  });
});
