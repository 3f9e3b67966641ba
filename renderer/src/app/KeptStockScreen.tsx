import { useEffect, useState } from 'react';
import { StockScreen } from '../screens/stock/StockScreen';

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
      <StockScreen />
    </div>
  );
}
