// What the widget shows for an availability answer, as plain data: which mode, which sentences,
// which links. Pure, so the rules (emergency first, nothing at all when there is nothing to offer)
// are tested without a browser; widget-view.ts only puts this on screen.
import type { AvailabilityResponse } from '../../../core/schemas/http-api.ts';
import { ownerBanner } from '../../../core/wording.ts';
import type { WordingOptions } from '../../../core/wording.ts';
import { widgetText } from './text.ts';

// Numbers come from the server as E.164; anything else is refused rather than turned into a link that
// would dial or text the wrong thing. wa.me takes the number as digits only.
const e164 = /^\+[1-9]\d{6,14}$/;
const link = (prefix: string, phone: string | null | undefined, from = 0): string | null => (typeof phone === 'string' && e164.test(phone) ? `${prefix}${phone.slice(from)}` : null);
const telHref = (phone: string | null | undefined) => link('tel:', phone);
const smsHref = (phone: string | null | undefined) => link('sms:', phone);
const whatsappHref = (phone: string | null | undefined) => link('https://wa.me/', phone, 1);

export type WidgetViewModel = {
  mode: AvailabilityResponse['widget'];
  /** False when chat is disabled and the clinic gave no other way to reach it: show nothing at all. */
  visible: boolean;
  clinicName: string;
  /** Only while web chat is not accepting. */
  emergency: { label: string; callText: string; href: string } | null;
  heading: string;
  detail: string | null;
  otherChannels: string | null;
  /** A one-off remark, e.g. that a message was not sent because chat has just closed. */
  note: string | null;
  launcher: { label: string; offline: boolean };
  smsHref: string | null;
  whatsappHref: string | null;
};

export function widgetViewModel(availability: AvailabilityResponse, wording: WordingOptions, note: string | null = null): WidgetViewModel {
  const links = { smsHref: smsHref(availability.contact.sms), whatsappHref: whatsappHref(availability.contact.whatsapp) };
  const clinicName = availability.clinic.name;
  if (availability.widget === 'chat') {
    return {
      mode: 'chat',
      visible: true,
      clinicName,
      emergency: null,
      heading: widgetText.chatHeading,
      detail: widgetText.chatIntro(clinicName),
      otherChannels: null,
      note,
      launcher: { label: widgetText.launcherChat, offline: false },
      ...links,
    };
  }
  const banner = ownerBanner(availability, wording);
  const emergencyHref = banner.emergency === null ? null : telHref(banner.emergency.phone);
  const emergency = banner.emergency !== null && emergencyHref !== null ? { label: banner.emergency.label, callText: banner.emergency.callText, href: emergencyHref } : null;
  const hasOtherWay = emergency !== null || links.smsHref !== null || links.whatsappHref !== null;
  const disabled = availability.widget === 'disabled';
  return {
    mode: availability.widget,
    visible: !disabled || hasOtherWay,
    clinicName,
    emergency,
    heading: banner.title,
    detail: banner.detail,
    otherChannels: banner.otherChannels,
    note,
    // The launcher always opens the card: the banner while offline or outside hours, the other ways to
    // reach the clinic on a day off or a closure.
    launcher: disabled ? { label: widgetText.launcherContact, offline: true } : { label: widgetText.launcherOffline, offline: true },
    ...links,
  };
}
