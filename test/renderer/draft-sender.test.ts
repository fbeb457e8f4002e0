import { describe, expect, it } from 'vitest';
import type { AppResult } from '../../core/schemas/app-api.ts';
import { createDraftSender } from '../../renderer/src/store/draft-sender.ts';

/** updateDraft calls that answer only when the test says so, to see what is in flight. */
function gatedUpdateDraft() {
  const sent: { value: unknown; answer: () => void }[] = [];
  const updateDraft = (value: unknown) =>
    new Promise<AppResult>((resolve) => {
      sent.push({ value, answer: () => resolve({ ok: false, error: { code: 'internal', message: String(value) } }) });
    });
  return { sent, updateDraft };
}

describe('the draft sender', () => {
  it('sends one edit at a time and only the newest of those typed meanwhile', async () => {
    const { sent, updateDraft } = gatedUpdateDraft();
    const settled: boolean[] = [];
    const sender = createDraftSender({ updateDraft }, (_result, isSettled) => settled.push(isSettled));
    sender.send('a');
    sender.send('b');
    sender.send('c');
    expect(sent.map((call) => call.value)).toEqual(['a']);
    expect(sender.busy()).toBe(true);

    const flushed = sender.flush();
    sent[0]!.answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent.map((call) => call.value)).toEqual(['a', 'c']); // 'b' was overtaken before it left
    expect(settled).toEqual([false]);
    sent[1]!.answer();
    await flushed;
    expect(settled).toEqual([false, true]);
    expect(sender.busy()).toBe(false);
  });

  it('turns a thrown call into an error value and carries on', async () => {
    const results: AppResult[] = [];
    const sender = createDraftSender({ updateDraft: () => Promise.reject(new Error('bridge closed')) }, (result) => results.push(result));
    sender.send('a');
    await sender.flush();
    expect(results).toEqual([{ ok: false, error: { code: 'internal', message: 'bridge closed' } }]);
  });
});
