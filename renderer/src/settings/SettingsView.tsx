// Settings: the conflict panel when there is one, the tabs, and the Save bar for tabs that edit the draft.
// Only the Business Hours tab is in the first load; the rest load when opened.
import { Suspense, lazy } from 'react';
import { settingsTabs } from '../route.ts';
import type { SettingsTabId } from '../route.ts';
import { selectInConflict } from '../store/selectors.ts';
import { useUi } from '../store/store-context.tsx';
import { BusinessHoursTab } from './BusinessHoursTab.tsx';
import { SaveBar } from './SaveBar.tsx';
import { SettingsTabs, panelId, tabId } from './SettingsTabs.tsx';

const ConflictPanel = lazy(() => import('./ConflictPanel.tsx').then((module) => ({ default: module.ConflictPanel })));
const ClosuresTab = lazy(() => import('./ClosuresTab.tsx').then((module) => ({ default: module.ClosuresTab })));
const ChannelsTab = lazy(() => import('./ChannelsTab.tsx').then((module) => ({ default: module.ChannelsTab })));
const PreferencesTab = lazy(() => import('./PreferencesTab.lazy.tsx').then((module) => ({ default: module.PreferencesTab })));
const HistoryTab = lazy(() => import('../history/HistoryTab.lazy.tsx').then((module) => ({ default: module.HistoryTab })));

function TabContent({ tab }: { tab: SettingsTabId }) {
  switch (tab) {
    case 'hours':
      return <BusinessHoursTab />;
    case 'closures':
      return <ClosuresTab />;
    case 'channels':
      return <ChannelsTab />;
    case 'preferences':
      return <PreferencesTab />;
    case 'history':
      return <HistoryTab />;
  }
}

export function SettingsView({ tab }: { tab: SettingsTabId }) {
  const loaded = useUi((s) => s.draft !== null);
  const inConflict = useUi(selectInConflict);
  const editsDraft = settingsTabs.find((candidate) => candidate.id === tab)?.editsDraft ?? false;
  return (
    <div className="settings">
      <h2 className="screen-title">Settings</h2>
      {inConflict && (
        <Suspense fallback={<p className="hint">Loading the other PC’s version…</p>}>
          <ConflictPanel />
        </Suspense>
      )}
      <SettingsTabs current={tab} />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="tab-panel">
        {!loaded && editsDraft ? (
          <p className="hint">Loading the clinic’s settings…</p>
        ) : (
          <Suspense fallback={<p className="hint">Loading…</p>}>
            <TabContent tab={tab} />
          </Suspense>
        )}
      </div>
      {editsDraft && loaded && <SaveBar withReset={tab === 'hours'} />}
    </div>
  );
}
