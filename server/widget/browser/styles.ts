// The widget's CSS, inside its shadow root. `all: initial` on the host stops the page's inherited
// styles (fonts, colours, line height) coming in; the shadow root stops ours going out. Sizes are in
// px, not rem, because the page may change its root font size. `!important` on :host wins over the
// page's own rules for our element.
export const widgetCss = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  right: 16px !important;
  bottom: 16px !important;
  z-index: 2147483000 !important;
  max-width: calc(100vw - 32px) !important;
}
:host([hidden]) { display: none !important; }
[hidden] { display: none !important; }
* { box-sizing: border-box; }
.widget {
  --bg: #ffffff; --fg: #1b2430; --muted: #4a5565; --line: #c9d1dc;
  --accent: #0a6847; --on-accent: #ffffff; --focus: #1a56db;
  --urgent-bg: #fde8e6; --urgent-fg: #7f1d1d; --urgent-line: #b42318;
  --field: #ffffff;
  color: var(--fg);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  display: flex; flex-direction: column; align-items: flex-end; gap: 10px;
}
@media (prefers-color-scheme: dark) {
  .widget {
    --bg: #1d232b; --fg: #eef2f6; --muted: #b7c0cc; --line: #3d4755;
    --accent: #5fd3a6; --on-accent: #062a1c; --focus: #8ab4ff;
    --urgent-bg: #3d1614; --urgent-fg: #ffd5cf; --urgent-line: #ff8a7a;
    --field: #151a20;
  }
}
.card {
  width: 340px; max-width: 100%; max-height: calc(100vh - 110px); overflow: auto;
  background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-radius: 14px;
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.18);
  padding: 16px;
}
@media (prefers-reduced-motion: no-preference) {
  .card { animation: rise 160ms ease-out; }
  @keyframes rise { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
}
.top { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin: -6px -6px 2px 0; }
.hide {
  flex: none; font: inherit; font-size: 13px; color: var(--muted); background: transparent;
  border: 1px solid transparent; border-radius: 8px; padding: 4px 8px; cursor: pointer;
}
.hide:hover { border-color: var(--line); }
.emergency {
  display: block; margin: 0 0 14px; padding: 12px 14px;
  background: var(--urgent-bg); color: var(--urgent-fg);
  border: 2px solid var(--urgent-line); border-radius: 10px; text-decoration: none;
}
.emergency-label { display: block; font-weight: 700; }
.emergency-call { display: block; margin-top: 4px; font-size: 18px; font-weight: 700; text-decoration: underline; }
.clinic { margin: 0; font-size: 13px; color: var(--muted); }
h2 { margin: 0 0 6px; font-size: 18px; line-height: 1.3; }
p { margin: 0 0 8px; }
.note { font-weight: 600; }
form { display: grid; gap: 10px; margin-top: 8px; }
.field { display: grid; gap: 4px; }
label { font-weight: 600; font-size: 14px; }
.hint { font-size: 13px; color: var(--muted); }
input, textarea {
  font: inherit; color: var(--fg); background: var(--field);
  border: 1px solid var(--muted); border-radius: 8px; padding: 8px 10px; width: 100%;
}
textarea { min-height: 96px; resize: vertical; }
[aria-invalid="true"] { border: 2px solid var(--urgent-line); }
.send, .launcher, .channel {
  font: inherit; font-weight: 600; cursor: pointer; border-radius: 999px; text-decoration: none;
  display: inline-flex; align-items: center; justify-content: center; gap: 8px;
}
.send { justify-self: start; background: var(--accent); color: var(--on-accent); border: 0; padding: 9px 20px; }
.send[aria-disabled="true"] { opacity: 0.7; cursor: progress; }
.result { margin: 0; min-height: 1.45em; }
.result[data-tone="error"] { color: var(--urgent-fg); font-weight: 600; }
.channels { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
.channel { border: 2px solid var(--accent); color: var(--fg); background: transparent; padding: 7px 16px; }
.launcher {
  background: var(--accent); color: var(--on-accent); border: 0; padding: 12px 20px;
  box-shadow: 0 6px 18px rgba(0, 0, 0, 0.22); font-size: 15px;
}
.launcher[data-offline] { background: var(--bg); color: var(--fg); border: 2px solid var(--line); }
.dot { width: 10px; height: 10px; border-radius: 50%; background: currentColor; }
.launcher[data-offline] .dot { background: transparent; border: 2px solid currentColor; }
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
@media (forced-colors: active) { .launcher, .send, .channel, .emergency { border: 2px solid ButtonText; } }
`;
