// Every word of the widget's own, for owners and for the site's developers (the console). Sentences about
// whether chat is open and when it is back come from core/wording.ts, shared with the desktop app.

export const widgetText = {
  launcherChat: 'Chat with us',
  launcherOffline: 'Chat (offline)',
  launcherContact: 'Contact us',
  hide: 'Hide',
  chatHeading: 'Chat with us',
  chatIntro: (clinic: string) => `Send ${clinic} a message and the team will read it.`,
  nameLabel: 'Your name (optional)',
  messageLabel: 'Your message',
  messageLimit: (max: number) => `Up to ${max} characters.`,
  send: 'Send',
  sending: 'Sending…',
  messageMissing: 'Write a message first.',
  sent: 'Thank you, your message has been sent.',
  notSentClosed: 'Your message was not sent: chat closed just now.',
  notSentBusy: 'Too many messages in a short time. Please wait a minute and try again.',
  notSentNetwork: 'Your message could not be sent. Check your connection and try again.',
  channelsLabel: 'Other ways to reach us',
  sms: 'Text us',
  whatsapp: 'WhatsApp',
  consoleNoClinic: 'Clinic chat widget: add data-clinic="<clinic id>" to the widget\'s script tag',
  consoleUnknownClinic: (id: string) => `Clinic chat widget: no clinic with id "${id}"; check data-clinic on the script tag`,
  consoleNotStarted: 'Clinic chat widget could not start',
  consoleNotShown: 'Clinic chat widget: could not show the chat status',
} as const;
