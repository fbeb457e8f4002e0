// The settings tab list (WAI-ARIA tabs: arrow keys, Home and End move between tabs). Each tab says in
// words when it holds a field that needs fixing, not only by colour.
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { navigate, settingsTabs } from '../route.ts';
import type { SettingsTabId } from '../route.ts';
import { useUiShallow } from '../store/store-context.tsx';

export const tabId = (tab: SettingsTabId): string => `settings-tab-${tab}`;
export const panelId = (tab: SettingsTabId): string => `settings-panel-${tab}`;

export function SettingsTabs({ current }: { current: SettingsTabId }) {
  const tabsWithProblems = useUiShallow((s) =>
    settingsTabs.filter((tab) => tab.errorPrefixes.some((prefix: string) => s.draftErrors.some((e) => e.path === prefix || e.path.startsWith(`${prefix}.`)))).map((tab) => tab.id),
  );
  const list = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const index = settingsTabs.findIndex((tab) => tab.id === current);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: settingsTabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = settingsTabs[(target + settingsTabs.length) % settingsTabs.length]!;
    navigate({ screen: 'settings', tab: next.id });
    list.current?.querySelector<HTMLElement>(`#${tabId(next.id)}`)?.focus();
  }

  return (
    <div role="tablist" aria-label="Settings" className="tabs" ref={list} onKeyDown={onKeyDown}>
      {settingsTabs.map((tab) => {
        const selected = tab.id === current;
        const problem = tabsWithProblems.includes(tab.id);
        return (
          <button
            key={tab.id}
            id={tabId(tab.id)}
            type="button"
            role="tab"
            aria-selected={selected}
            // Only the selected tab's panel is in the page, so only it is pointed at.
            aria-controls={selected ? panelId(tab.id) : undefined}
            tabIndex={selected ? 0 : -1}
            onClick={() => navigate({ screen: 'settings', tab: tab.id })}
          >
            {tab.label}
            {problem && <span className="badge warn">needs fixing</span>}
          </button>
        );
      })}
    </div>
  );
}
