// Links that open the owner's phone apps. Numbers come from the server as E.164; anything else is
// refused here rather than turned into a link that would dial or text the wrong thing.

const e164 = /^\+[1-9]\d{6,14}$/;

const valid = (phone: string | null | undefined): phone is string => typeof phone === 'string' && e164.test(phone);

export const telHref = (phone: string | null | undefined): string | null => (valid(phone) ? `tel:${phone}` : null);
export const smsHref = (phone: string | null | undefined): string | null => (valid(phone) ? `sms:${phone}` : null);
/** wa.me takes the number as digits only, without the plus. */
export const whatsappHref = (phone: string | null | undefined): string | null => (valid(phone) ? `https://wa.me/${phone.slice(1)}` : null);
