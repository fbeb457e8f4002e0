// Inside Electron the preload exposes the AppApi as window.chatdesk; in a browser talking to the
// preview host, the web bridge speaks the same API over HTTP.
import type { AppApi } from '../../../core/schemas/app-api.ts';
import { createWebBridge } from './web-bridge.ts';

declare global {
  interface Window {
    chatdesk?: AppApi;
  }
}

export function chooseAppApi(): AppApi {
  return window.chatdesk ?? createWebBridge();
}
