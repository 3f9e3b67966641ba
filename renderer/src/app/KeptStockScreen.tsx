import { Suspense, useEffect, useState } from 'react';
import { lazyScreen } from './lazy-screen';

// Its own chunk, with AG Grid, asked for as soon as the app starts but not in the bundle the first
// screen waits for: the browser fetches and compiles it while the Network screen is shown.
const stockScreenModule = import('../screens/stock/StockScreen');
const StockScreen = lazyScreen(() => stockScreenModule, 'StockScreen');

const WARM_UP_AFTER_MS = 1500;

/**
 * The Stock grid is the heaviest thing on screen to build. It is built once, while the planner is
 * still reading the Network screen, and kept between visits (with its scroll position and sort),
 * so opening Stock only has to show it.
 */
export function KeptStockScreen({ active }: { active: boolean }) {
  const [mounted, setMounted] = useState(active);

  useEffect(() => {
    if (mounted) return;
    if (active) {
      setMounted(true);
      return;
    }
    const warmUp = (): void => setMounted(true);
    const idle = window.requestIdleCallback?.(warmUp, { timeout: WARM_UP_AFTER_MS * 2 });
    const timer = idle === undefined ? window.setTimeout(warmUp, WARM_UP_AFTER_MS) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [active, mounted]);

  if (!mounted) return null;
  return (
    <div className={active ? 'kept-screen' : 'kept-screen inactive'} aria-hidden={!active} data-testid="stock-screen">
      <Suspense fallback={<p className="muted">Opening…</p>}>
        <StockScreen />
      </Suspense>
    </div>
  );
}
