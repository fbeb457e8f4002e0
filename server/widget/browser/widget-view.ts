// The widget on screen: a launcher and a card, built once and updated in place, so a re-check every
// minute does not move focus, reset a half-written message or re-announce unchanged text.
import type { MessageRequest } from '../../../core/schemas/http-api.ts';
import { createChatForm } from './chat-form.ts';
import type { SendOutcome } from './chat-form.ts';
import { h, setOptionalText, setText } from './dom.ts';
import { widgetCss } from './styles.ts';
import { widgetText } from './text.ts';
import type { WidgetViewModel } from './view-model.ts';

type ViewOptions = {
  send: (message: MessageRequest) => Promise<SendOutcome>;
  /** Whether the owner hid the banner earlier in this visit (kept per browser tab). */
  bannerDismissed: () => boolean;
  dismissBanner: () => void;
};

export function createWidgetView(host: HTMLElement, options: ViewOptions): { render(model: WidgetViewModel): void; hide(): void } {
  // Open, not closed: a closed root hides nothing from a determined script, but it does hide the
  // widget from accessibility checkers and browser extensions that help owners read the page.
  const root = host.attachShadow({ mode: 'open' });
  const id = (name: string): string => `clinic-chat-${name}`;

  const hideButton = h('button', { class: 'hide', type: 'button' }, widgetText.hide);
  const emergency = h('a', { class: 'emergency' });
  const emergencyLabel = h('span', { class: 'emergency-label' });
  const emergencyCall = h('span', { class: 'emergency-call' });
  emergency.append(emergencyLabel, emergencyCall);
  const clinic = h('p', { class: 'clinic' });
  const heading = h('h2', { id: id('heading'), tabindex: '-1' });
  const detail = h('p');
  const otherChannels = h('p');
  const note = h('p', { class: 'note' });
  // The status region announces a change of state (online, offline, closed) without moving focus.
  const status = h('div', { role: 'status' }, heading, detail, otherChannels, note);
  const form = createChatForm(id('form'), options.send);
  const sms = h('a', { class: 'channel' }, widgetText.sms);
  const whatsapp = h('a', { class: 'channel', target: '_blank', rel: 'noopener noreferrer' }, widgetText.whatsapp);
  const channels = h('nav', { class: 'channels', 'aria-label': widgetText.channelsLabel }, sms, whatsapp);
  // The emergency line comes first, above the clinic's name and the Hide button.
  const card = h('section', { class: 'card', id: id('card'), 'aria-labelledby': heading.id }, emergency, h('div', { class: 'top' }, clinic, hideButton), status, form.element, channels);
  const launcherLabel = h('span');
  const launcher = h('button', { class: 'launcher', type: 'button', 'aria-controls': card.id }, h('span', { class: 'dot', 'aria-hidden': 'true' }), launcherLabel);
  const widget = h('div', { class: 'widget' }, card, launcher);
  root.append(h('style', {}, widgetCss), widget);

  let mode: WidgetViewModel['mode'] | null = null;
  let expanded = false;

  const setExpanded = (value: boolean): void => {
    expanded = value;
    card.hidden = !value;
    launcher.setAttribute('aria-expanded', String(value));
  };
  const collapse = (): void => {
    if (mode !== 'chat') options.dismissBanner();
    setExpanded(false);
    launcher.focus();
  };

  launcher.addEventListener('click', () => {
    if (expanded) return collapse();
    setExpanded(true);
    if (mode === 'chat') {
      form.clearResult();
      form.focusFirstField();
    } else {
      heading.focus();
    }
  });
  hideButton.addEventListener('click', collapse);
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') collapse();
  });

  const setLink = (link: HTMLAnchorElement, href: string | null): void => {
    if (href === null) link.removeAttribute('href');
    else if (link.getAttribute('href') !== href) link.href = href;
    link.hidden = href === null;
  };

  return {
    render(model) {
      const wasVisible = !host.hidden;
      host.hidden = !model.visible;
      // Also for the host page: a site can lay itself out around the widget by state.
      host.dataset.state = model.mode;
      const focusWasInForm = form.element.contains(root.activeElement);
      if (model.mode !== mode) {
        // Not accepting: show the banner unless the owner hid it in this visit. Accepting: keep a
        // card the owner was looking at open, so the banner turns into the form they waited for.
        if (model.mode !== 'chat') setExpanded(!options.bannerDismissed());
        else if (!wasVisible) setExpanded(false);
        mode = model.mode;
      }
      widget.dataset.mode = model.mode;
      setText(clinic, model.clinicName);
      setText(heading, model.heading);
      setOptionalText(detail, model.detail);
      setOptionalText(otherChannels, model.otherChannels);
      setOptionalText(note, model.note);
      emergency.hidden = model.emergency === null;
      if (model.emergency !== null) {
        setLink(emergency, model.emergency.href);
        setText(emergencyLabel, model.emergency.label);
        setText(emergencyCall, model.emergency.callText);
      }
      form.element.hidden = model.mode !== 'chat';
      setLink(sms, model.smsHref);
      setLink(whatsapp, model.whatsappHref);
      channels.hidden = model.smsHref === null && model.whatsappHref === null;
      setText(launcherLabel, model.launcher.label);
      launcher.toggleAttribute('data-offline', model.launcher.offline);
      // The form the owner was typing in has just closed: keep focus in the card, on what replaced it.
      if (focusWasInForm && form.element.hidden && expanded) heading.focus();
    },
    hide() {
      host.hidden = true;
    },
  };
}
