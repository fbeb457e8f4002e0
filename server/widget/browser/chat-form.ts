// The minimal chat form: optional name, message, Send, and a spoken result. It knows nothing about
// the server; the widget passes in what sending means and gets back the sentence to show.
import { MAX_MESSAGE_LENGTH, MAX_OWNER_NAME_LENGTH } from '../../../core/http-paths.ts';
import type { MessageRequest } from '../../../core/schemas/http-api.ts';
import { h, setText } from './dom.ts';
import { widgetText } from './text.ts';

export type SendOutcome = { ok: true; sentence: string } | { ok: false; sentence: string };

type ChatForm = {
  element: HTMLFormElement;
  focusFirstField(): void;
  /** Clears the last result, so an old "sent" does not greet the next visit. */
  clearResult(): void;
};

export function createChatForm(idPrefix: string, send: (message: MessageRequest) => Promise<SendOutcome>): ChatForm {
  const nameInput = h('input', { id: `${idPrefix}-name`, name: 'name', type: 'text', autocomplete: 'name', maxlength: String(MAX_OWNER_NAME_LENGTH) });
  const hintId = `${idPrefix}-hint`;
  const resultId = `${idPrefix}-result`;
  const messageInput = h('textarea', {
    id: `${idPrefix}-message`,
    name: 'message',
    required: true,
    maxlength: String(MAX_MESSAGE_LENGTH),
    'aria-describedby': `${hintId} ${resultId}`,
  });
  const sendButton = h('button', { class: 'send', type: 'submit' }, widgetText.send);
  const result = h('p', { class: 'result', id: resultId, role: 'status' });
  const element = h(
    'form',
    { novalidate: true },
    h('div', { class: 'field' }, h('label', { for: nameInput.id }, widgetText.nameLabel), nameInput),
    h('div', { class: 'field' }, h('label', { for: messageInput.id }, widgetText.messageLabel), h('span', { class: 'hint', id: hintId }, widgetText.messageLimit(MAX_MESSAGE_LENGTH)), messageInput),
    sendButton,
    result,
  );

  let sending = false;
  const showResult = (sentence: string, tone: 'ok' | 'error'): void => {
    result.dataset.tone = tone;
    setText(result, sentence);
  };

  element.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    const text = messageInput.value.trim();
    if (text === '') {
      messageInput.setAttribute('aria-invalid', 'true');
      showResult(widgetText.messageMissing, 'error');
      messageInput.focus();
      return;
    }
    messageInput.removeAttribute('aria-invalid');
    const name = nameInput.value.trim();
    // aria-disabled rather than disabled: the button keeps focus, so a keyboard user is not thrown out.
    sending = true;
    sendButton.setAttribute('aria-disabled', 'true');
    setText(sendButton, widgetText.sending);
    setText(result, '');
    void send(name === '' ? { text } : { text, name })
      .catch((): SendOutcome => ({ ok: false, sentence: widgetText.notSentNetwork }))
      .then((outcome) => {
        sending = false;
        sendButton.removeAttribute('aria-disabled');
        setText(sendButton, widgetText.send);
        showResult(outcome.sentence, outcome.ok ? 'ok' : 'error');
        if (outcome.ok) messageInput.value = '';
      });
  });

  return {
    element,
    focusFirstField: () => nameInput.focus(),
    clearResult: () => setText(result, ''),
  };
}
