import type { FreshnessView } from '../../../shared/ipc';
import { formatAge } from '../format';

const KIND_LABEL: Record<FreshnessView['kind'], string> = { master: 'master data', stock: 'stock', demand: 'demand', supply: 'supply' };

/** The oldest of a node's data, and a warning when any kind is past the region's threshold. */
export function FreshnessBadge({ freshness }: { freshness: FreshnessView[] }) {
  const stale = freshness.filter((view) => view.stale);
  const oldest = freshness.reduce<FreshnessView | null>((worst, view) => (worst === null || (view.ageMinutes ?? Infinity) > (worst.ageMinutes ?? Infinity) ? view : worst), null);
  const title = freshness.map((view) => `${KIND_LABEL[view.kind]}: ${formatAge(view.ageMinutes)} (limit ${view.thresholdMinutes} min)`).join('\n');
  return (
    <span className={stale.length > 0 ? 'freshness stale' : 'freshness'} title={title} data-testid="freshness">
      {stale.length > 0 ? `Stale: ${stale.map((view) => KIND_LABEL[view.kind]).join(', ')}` : `Data ${formatAge(oldest?.ageMinutes ?? null)}`}
    </span>
  );
}
