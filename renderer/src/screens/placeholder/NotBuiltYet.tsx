export function NotBuiltYet({ title, what }: { title: string; what: string }) {
  return (
    <section className="screen">
      <h1>{title}</h1>
      <div className="empty-state" role="note">
        <p>
          <strong>Not built yet.</strong> {what} will appear here in a later release of Network Planner.
        </p>
        <p>Until then this screen does nothing, and nothing you do elsewhere is lost because of it.</p>
      </div>
    </section>
  );
}
