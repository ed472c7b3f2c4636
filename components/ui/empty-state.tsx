export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="card empty">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
