import type { ReactNode } from "react";
import { EmptyRow } from "./empty-row";
import styles from "./simple-table.module.css";

export interface TSimpleColumn<R> {
  header: string;
  /** Read by screen readers only (an actions column). */
  hideHeader?: boolean;
  cell: (row: R) => ReactNode;
  /** Dates, references, counts: kept on one line. */
  nowrap?: boolean;
  /** Free text that needs room before it wraps. */
  wide?: boolean;
  className?: string;
}

/** Attributes a row may carry: an anchor id (`#control-GS-3`) or data attributes. */
export type TRowAttributes = { id?: string } & { [data: `data-${string}`]: string };

/**
 * A small read-only table for detail pages and dashboards (the full list screens use DataTable):
 * a header row, one row per item, and the `empty` text in a single row when there is nothing to
 * show. It scrolls in its own box, so a wide table never widens the page on a phone.
 * `cellLabels` repeats each header on its cells (`data-label`) for layouts that stack cells.
 */
export function SimpleTable<R>({
  columns,
  rows,
  rowKey,
  empty,
  className,
  cellLabels = false,
  rowAttributes,
}: {
  columns: readonly TSimpleColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  empty?: string;
  className?: string;
  cellLabels?: boolean;
  rowAttributes?: (row: R) => TRowAttributes;
}) {
  return (
    <div className="table-wrap">
      <table className={className}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.hideHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttributes?.(row)}>
              {columns.map((c) => {
                // Only the attributes a cell has: an attribute set to undefined still travels in
                // the page's payload, once per cell.
                const className = [c.nowrap ? styles.nowrap : "", c.wide ? styles.wide : "", c.className ?? ""].filter(Boolean).join(" ");
                return (
                  <td key={c.header} {...(className ? { className } : {})} {...(cellLabels ? { "data-label": c.header } : {})}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
          {rows.length === 0 && empty ? <EmptyRow colSpan={columns.length}>{empty}</EmptyRow> : null}
        </tbody>
      </table>
    </div>
  );
}
