// The widget's life: ask the server, show the answer, ask again at the next opening or closing and
// every minute, back off while the server cannot be reached, and send messages. Nothing here may
// throw into the host page: failures keep the last answer on screen (or nothing) and retry later.
import type { AvailabilityResponse, MessageRequest } from '../../../core/schemas/http-api.ts';
import { createApiClient } from './api-client.ts';
import type { AvailabilityResult, SendResult } from './api-client.ts';
import type { SendOutcome } from './chat-form.ts';
import { ownerLocale } from './owner-locale.ts';
import { nextCheckDelay, retryDelay } from './refresh-timing.ts';
import { widgetText } from './text.ts';
import { widgetViewModel } from './view-model.ts';
import { createWidgetView } from './widget-view.ts';

type WidgetEnvironment = {
  apiOrigin: string;
  clinicId: string;
  /** An empty element already in the page; the widget attaches its shadow root to it. */
  host: HTMLElement;
  languages: readonly string[];
  /** The tab's sessionStorage, or null when the browser refuses it (privacy settings). */
  storage: Storage | null;
};

export function startWidget(environment: WidgetEnvironment): void {
  const api = createApiClient(environment.apiOrigin, environment.clinicId);
  const locale = ownerLocale(environment.languages);
  const dismissedKey = `clinic-chat:${environment.clinicId}:banner-hidden`;
  let current: AvailabilityResponse | null = null;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checking = false;
  let dueWhileHidden = false;

  const view = createWidgetView(environment.host, {
    send,
    bannerDismissed: () => readFlag(environment.storage, dismissedKey),
    dismissBanner: () => writeFlag(environment.storage, dismissedKey),
  });
  view.hide(); // nothing shows until the server has answered once

  function show(availability: AvailabilityResponse, note: string | null = null): void {
    current = availability;
    try {
      view.render(widgetViewModel(availability, { timezone: availability.clinic.timezone, now: new Date(), ...locale }, note));
    } catch (error) {
      view.hide();
      console.warn(widgetText.consoleNotShown, error);
    }
  }

  function schedule(delayMs: number): void {
    clearTimeout(timer);
    timer = setTimeout(onTimer, delayMs);
  }

  // A background tab does not need fresh status; it asks again as soon as it is looked at.
  function onTimer(): void {
    if (document.visibilityState === 'hidden') dueWhileHidden = true;
    else void check();
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && dueWhileHidden) {
      dueWhileHidden = false;
      void check();
    }
  });

  async function check(): Promise<void> {
    if (checking) return;
    checking = true;
    // The client turns failures into values; the catch is for the unforeseen, which must not escape.
    const result = await api.availability().catch((): AvailabilityResult => ({ ok: false, status: null }));
    checking = false;
    if (result.ok) {
      failures = 0;
      show(result.availability);
      schedule(nextCheckDelay(result.availability, Date.now(), Math.random()));
      return;
    }
    failures += 1;
    if (result.status === 404 && failures === 1) console.warn(widgetText.consoleUnknownClinic(environment.clinicId));
    schedule(retryDelay(failures));
  }

  async function send(message: MessageRequest): Promise<SendOutcome> {
    const result = await api.send(message).catch((): SendResult => ({ kind: 'failed' }));
    switch (result.kind) {
      case 'sent':
        return { ok: true, sentence: widgetText.sent };
      case 'closed':
        // The server's answer is the truth: switch to the closed state it describes right away.
        if (current !== null) {
          const closed = { ...current, ...result.availability };
          show(closed, widgetText.notSentClosed);
          schedule(nextCheckDelay(closed, Date.now(), Math.random()));
        }
        return { ok: false, sentence: widgetText.notSentClosed };
      case 'rejected':
        return { ok: false, sentence: result.message ?? widgetText.notSentNetwork };
      case 'rate-limited':
        return { ok: false, sentence: widgetText.notSentBusy };
      case 'failed':
        return { ok: false, sentence: widgetText.notSentNetwork };
    }
  }

  void check();
}

/** The tab's storage, which may refuse (full, or privacy settings): then the banner shows again on the next page. */
function readFlag(storage: Storage | null, key: string): boolean {
  try {
    return storage?.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(storage: Storage | null, key: string): void {
  try {
    storage?.setItem(key, '1');
  } catch {
    // Nothing to do: the banner shows again on the next page.
  }
}
