// A few DOM helpers for the widget. Text always goes in as text nodes, never as HTML, so a clinic name
// or a server message cannot inject markup into the host page.

type Attributes = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string') element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** Changes text only when it differs, so live regions are not re-announced every minute. */
export function setText(element: HTMLElement, value: string): void {
  if (element.textContent !== value) element.textContent = value;
}

/** Shows an element with text, or hides it when there is none. */
export function setOptionalText(element: HTMLElement, value: string | null): void {
  setText(element, value ?? '');
  element.hidden = value === null || value === '';
}
