import { useOutboxStore } from './outbox-store';

/** "Batch … is fully in Odoo": shown on every screen until dismissed. */
export function OutboxNotices() {
  const notices = useOutboxStore((state) => state.notices);
  const dismiss = useOutboxStore((state) => state.dismiss);
  return (
    <>
      {notices.map((notice) => (
        <div key={notice.batchId} className="banner banner-info banner-dismissable" role="status" data-testid="batch-in-odoo">
          <span>{notice.message}</span>
          <button type="button" className="link" onClick={() => dismiss(notice.batchId)} aria-label={`Dismiss the notice about batch ${notice.batchId}`}>
            Dismiss
          </button>
        </div>
      ))}
    </>
  );
}
