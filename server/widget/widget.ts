// What a clinic pastes into its website: <script src="https://chat.example/widget.js" data-clinic="ID" async>.
// It finds its own tag (the API lives where the script came from) and runs in one element's shadow root.
import { widgetText } from './browser/text.ts';
import { startWidget } from './browser/widget-controller.ts';

const HOST_TAG = 'clinic-chat-widget';

function ownScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  // currentScript is null when a tag manager injects us as a module or from another script's callback.
  return document.querySelector<HTMLScriptElement>('script[data-clinic][src*="widget.js"]');
}

function whenBodyReady(start: () => void): void {
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function boot(): void {
  const script = ownScript();
  const clinicId = script?.dataset.clinic?.trim();
  if (!script || !clinicId) {
    console.warn(widgetText.consoleNoClinic);
    return;
  }
  const apiOrigin = new URL(script.src, document.baseURI).origin;
  whenBodyReady(() => {
    try {
      // Pasted twice (a template and a page both include it): one widget is enough.
      const existing = Array.from(document.querySelectorAll<HTMLElement>(HOST_TAG)).some((element) => element.dataset.clinic === clinicId);
      if (existing) return;
      const host = document.createElement(HOST_TAG);
      host.dataset.clinic = clinicId;
      document.body.append(host);
      startWidget({ apiOrigin, clinicId, host, languages: navigator.languages?.length ? navigator.languages : [navigator.language], storage: sessionStore() });
    } catch (error) {
      console.warn(widgetText.consoleNotStarted, error);
    }
  });
}

try {
  boot();
} catch (error) {
  // Whatever goes wrong, the clinic's page keeps working.
  console.warn(widgetText.consoleNotStarted, error);
}
