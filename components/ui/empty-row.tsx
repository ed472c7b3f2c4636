/** The one row a table shows when it has nothing else to show. */
export function EmptyRow({ colSpan, className, children }: { colSpan: number; className?: string; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className={className ? `muted ${className}` : "muted"}>
        {children}
      </td>
    </tr>
  );
}
