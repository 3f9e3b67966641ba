import { Suspense, useEffect } from 'react';
import { NetworkScreen } from '../screens/network/NetworkScreen';
import { OutboxNotices } from '../screens/outbox/OutboxNotices';
import { useOutboxStore } from '../screens/outbox/outbox-store';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, type ScreenName } from '../stores/app-store';
import { KeptStockScreen } from './KeptStockScreen';
import { lazyScreen } from './lazy-screen';
import { StatusBar } from './StatusBar';

// Only the first screen is in the bundle every start parses; the others (and AG Grid with them)
// load when first opened, or while the planner reads the Network screen (KeptStockScreen).
const ScenariosScreen = lazyScreen(() => import('../screens/scenarios/ScenariosScreen'), 'ScenariosScreen');
const ReplenishmentScreen = lazyScreen(() => import('../screens/replenishment/ReplenishmentScreen'), 'ReplenishmentScreen');
const AllocationScreen = lazyScreen(() => import('../screens/allocation/AllocationScreen'), 'AllocationScreen');
const ApprovalsScreen = lazyScreen(() => import('../screens/approvals/ApprovalsScreen'), 'ApprovalsScreen');
const OutboxScreen = lazyScreen(() => import('../screens/outbox/OutboxScreen'), 'OutboxScreen');
const AuditScreen = lazyScreen(() => import('../screens/audit/AuditScreen'), 'AuditScreen');
const SettingsScreen = lazyScreen(() => import('../screens/settings/SettingsScreen'), 'SettingsScreen');

const NAVIGATION: { screen: ScreenName; label: string }[] = [
  { screen: 'network', label: 'Network' },
  { screen: 'stock', label: 'Stock' },
  { screen: 'scenarios', label: 'Scenarios' },
  { screen: 'replenishment', label: 'Replenishment' },
  { screen: 'allocation', label: 'Allocation' },
  { screen: 'approvals', label: 'Approvals' },
  { screen: 'outbox', label: 'Outbox' },
  { screen: 'audit', label: 'Audit' },
  { screen: 'settings', label: 'Settings' },
];

function CurrentScreen({ screen }: { screen: ScreenName }) {
  switch (screen) {
    case 'network':
      return <NetworkScreen />;
    case 'stock':
      return null; // kept mounted by KeptStockScreen
    case 'settings':
      return <SettingsScreen />;
    case 'scenarios':
      return <ScenariosScreen />;
    case 'replenishment':
      return <ReplenishmentScreen />;
    case 'allocation':
      return <AllocationScreen />;
    case 'approvals':
      return <ApprovalsScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'outbox':
      return <OutboxScreen />;
  }
}

export function App() {
  const { screen, description, loadError, show, refreshDescription, listen } = useAppStore(
    useShallow((state) => ({ screen: state.screen, description: state.description, loadError: state.loadError, show: state.show, refreshDescription: state.refreshDescription, listen: state.listen })),
  );

  const listenToOutbox = useOutboxStore((state) => state.listen);

  useEffect(() => {
    void refreshDescription();
    return listen();
  }, [refreshDescription, listen]);
  useEffect(() => listenToOutbox(), [listenToOutbox]);

  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand">
          <span className="brand-name">Network Planner</span>
          {description && <span className="brand-region">{description.region.name}</span>}
        </div>
        <nav className="shell-nav" aria-label="Screens">
          {NAVIGATION.map((item) => (
            <button key={item.screen} type="button" className={item.screen === screen ? 'nav-item active' : 'nav-item'} aria-current={item.screen === screen ? 'page' : undefined} onClick={() => show(item.screen)}>
              {item.label}
            </button>
          ))}
        </nav>
      </header>
      {description?.mode === 'demo' && (
        <div className="banner banner-demo" role="status" data-testid="demo-banner">
          <strong>Demo network</strong> — generated data{description.network.demo ? ` (seed ${description.network.demo.seed}, ${description.network.demo.nodes} nodes × ${description.network.demo.skus.toLocaleString(description.region.locale)} SKUs)` : ''}. Nothing here comes from Odoo, and nothing is sent to it.
        </div>
      )}
      {description?.notices.map((notice) => (
        <div key={notice.message} className={`banner banner-${notice.level}`} role="alert">
          {notice.message}
        </div>
      ))}
      <OutboxNotices />
      {loadError && (
        <div className="banner banner-error" role="alert">
          {loadError}
        </div>
      )}
      <main className="shell-main">
        {screen !== 'stock' && (
          <Suspense fallback={<p className="muted">Opening…</p>}>
            <CurrentScreen screen={screen} />
          </Suspense>
        )}
        <KeptStockScreen active={screen === 'stock'} />
      </main>
      <StatusBar />
    </div>
  );
}
