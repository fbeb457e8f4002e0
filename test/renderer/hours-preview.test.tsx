// @vitest-environment jsdom
// The two-week preview under the Business Hours grid, drawn from the draft as edited (before Save).
// jsdom's locale is en-US, so dates and times read as that PC would show them ("Fri, Mar 20", "9:00 AM").
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import { setRangeTime } from '../../renderer/src/draft/draft-edits.ts';
import { hoursPreviewRows } from '../../renderer/src/settings/hours-preview-model.ts';
import type { PreviewRow } from '../../renderer/src/settings/hours-preview-model.ts';
import { openDesk } from './support/desk.ts';
import { renderConsole } from './render-console.tsx';

/** "Sat 28 Mar: 09:00–13:00 · Staff training — closure, special hours": a row as the list reads it. */
const rowSentence = (row: PreviewRow): string => [`${row.dateLabel}: ${row.hoursText}`, ...row.notes].join(' · ');

// Friday 20 March 2026, 10:00 in London; the clocks go forward on Sunday 29 March.
const NOW = new Date('2026-03-20T10:00:00Z');

function clinicSettings(): ChatSettings {
  const base = defaultSettings('Europe/London');
  return {
    ...base,
    week: { ...base.week, sunday: { open: false, ranges: [] } },
    closures: [
      { date: '2026-03-24', ranges: [{ start: '10:00', end: '12:00' }], label: 'Vet conference' },
      { date: '2026-03-27', ranges: [], label: 'Staff training' },
    ],
  };
}

describe('the preview model', () => {
  it('says each day in words, with closures, unticked days and the clock change', () => {
    const rows = hoursPreviewRows(clinicSettings(), NOW)!;
    expect(rows).toHaveLength(14);
    const sentences = rows.map(rowSentence);
    expect(sentences[0]).toBe('Fri, Mar 20: 9:00 AM–6:00 PM');
    expect(rows[0]!.today).toBe(true);
    expect(sentences[2]).toBe('Sun, Mar 22: closed · Sunday is unticked');
    expect(sentences[4]).toBe('Tue, Mar 24: 10:00 AM–12:00 PM · Vet conference — closure, special hours');
    expect(sentences[7]).toBe('Fri, Mar 27: closed · Staff training — closure, closed all day');
    expect(sentences[9]).toBe('Sun, Mar 29: closed · Sunday is unticked · Clocks go forward 1 hour on Sun, Mar 29');
    expect(rows.filter((row) => row.clockChange).map((row) => row.date)).toEqual(['2026-03-29']);
  });

  it('draws bars as fractions of the real day: 09:00 on the 23-hour day sits at 8/23', () => {
    const settings = { ...clinicSettings(), week: { ...clinicSettings().week, sunday: { open: true, ranges: [{ start: '09:00', end: '18:00' }] } } };
    const rows = hoursPreviewRows(settings, NOW)!;
    expect(rows[9]!.bars[0]!.from).toBeCloseTo(8 / 23);
    expect(rows[10]!.bars[0]!.from).toBeCloseTo(9 / 24);
  });

  it('ends a range running past midnight at "midnight" and carries it into the next day', () => {
    const settings = setRangeTime(clinicSettings(), 'saturday', 0, 'end', '02:00');
    const rows = hoursPreviewRows(settings, NOW)!;
    expect(rows[1]!.hoursText).toBe('9:00 AM–midnight');
    expect(rows[2]!.hoursText).toBe('12:00 AM–2:00 AM');
  });

  it('says a closure the night before runs into is closed from when that night ends, not all day', () => {
    // Thursday 20:00–02:00 belongs to Thursday: chat accepts at 01:00 on Christmas morning.
    const base = defaultSettings('Europe/London');
    const night = setRangeTime(setRangeTime(base, 'thursday', 0, 'start', '20:00'), 'thursday', 0, 'end', '02:00');
    const settings = { ...night, closures: [{ date: '2026-12-25', ranges: [], label: 'Christmas Day' }] };
    const rows = hoursPreviewRows(settings, new Date('2026-12-24T12:00:00Z'))!;
    expect(rowSentence(rows[1]!)).toBe('Fri, Dec 25: 12:00 AM–2:00 AM · Christmas Day — closure, closed from 2:00 AM');
    const withoutNight = hoursPreviewRows({ ...settings, week: base.week }, new Date('2026-12-24T12:00:00Z'))!;
    expect(rowSentence(withoutNight[1]!)).toBe('Fri, Dec 25: closed · Christmas Day — closure, closed all day');
  });

  it('is computed once per draft object and day, and refuses a draft it cannot use', () => {
    const settings = clinicSettings();
    const first = hoursPreviewRows(settings, NOW);
    expect(hoursPreviewRows(settings, new Date(NOW.getTime() + 60_000))).toBe(first);
    expect(hoursPreviewRows(settings, new Date('2026-03-21T10:00:00Z'))).not.toBe(first); // the next day
    expect(hoursPreviewRows({ ...settings }, NOW)).not.toBe(first);
    expect(hoursPreviewRows({ ...settings, timezone: 'Mars/Olympus' }, NOW)).toBeNull();
  });
});

describe('the preview under the grid', () => {
  async function openGrid() {
    // Server, main and window all on the clinic's Friday: the preview starts "today".
    const desk = await openDesk({ settings: clinicSettings(), start: NOW });
    const view = renderConsole(desk, '#/settings/hours');
    const list = await screen.findByRole('list', { name: previewName }, { timeout: 10_000 });
    return { desk, list, ...view };
  }
  const previewName = 'When web chat accepts messages, next 14 days';
  const day = (list: HTMLElement, label: string) => within(list).getAllByRole('listitem').find((item) => item.textContent?.startsWith(label))!;
  /** The list is drawn anew after the draft was invalid for a moment (a cleared field), so it is found again. */
  const currentDay = (label: string) => day(screen.getByRole('list', { name: previewName }), label);

  it('lists 14 days with a text for each, closures and the clock change marked', async () => {
    const { list } = await openGrid();
    expect(within(list).getAllByRole('listitem')).toHaveLength(14);
    expect(day(list, 'Fri, Mar 20')).toHaveTextContent('Fri, Mar 20 (today): 9:00 AM–6:00 PM');
    expect(day(list, 'Fri, Mar 27')).toHaveTextContent('Fri, Mar 27: closed · Staff training — closure, closed all day');
    expect(day(list, 'Sun, Mar 29')).toHaveTextContent('Clocks go forward 1 hour on Sun, Mar 29');
    expect(screen.getByRole('region', { name: 'Next 14 days' })).toHaveTextContent('with the saved hours');
  });

  it('follows the draft before Save, and says so instead of drawing when the draft is invalid', async () => {
    const { desk, user } = await openGrid();
    const saturdayEnd = screen.getByLabelText('Saturday end time');
    await user.clear(saturdayEnd);
    await user.type(saturdayEnd, '13:00');
    await waitFor(() => expect(currentDay('Sat, Mar 21')).toHaveTextContent('Sat, Mar 21: 9:00 AM–1:00 PM'));
    expect(currentDay('Sat, Mar 28')).toHaveTextContent('Sat, Mar 28: 9:00 AM–1:00 PM');
    expect(screen.getByRole('region', { name: 'Next 14 days' })).toHaveTextContent('with the hours as edited here, not saved yet');
    expect((await desk.settings()).settings.week.saturday.ranges).toEqual([{ start: '09:00', end: '18:00' }]);

    await user.clear(screen.getByLabelText('Monday start time'));
    const region = screen.getByRole('region', { name: 'Next 14 days' });
    await waitFor(() => expect(region).toHaveTextContent('The preview returns once the highlighted fields above are fixed.'));
    expect(within(region).queryByRole('list')).not.toBeInTheDocument();
  });
});
