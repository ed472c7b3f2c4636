"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  functionalUpdate,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type SortingState,
} from "@tanstack/react-table";

export const serverTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type TServerTableFeatures = typeof serverTableFeatures;

/**
 * A table in manual mode: rows arrive sorted, filtered and paged by the server; sorting and
 * paging change the URL, which is the list's only state (shareable, back-button friendly).
 */
export function DataTable<TRow extends { id: string }>({
  columns,
  rows,
  total,
  page,
  pageSize,
  sort,
  dir,
  noun,
  caption,
  className,
  pageSizes,
  footnote,
}: {
  columns: ColumnDef<TServerTableFeatures, TRow>[];
  rows: TRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  dir: "asc" | "desc";
  /** Plural noun for the pager and the empty row: "evidence items". */
  noun: string;
  caption?: string;
  className?: string;
  /** Offer these page sizes (URL parameter pageSize). */
  pageSizes?: readonly number[];
  /** A short note in the pager, e.g. "Times in UTC." */
  footnote?: React.ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    router.push(`${pathname}?${next.toString()}`);
  };
  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const pagination: PaginationState = { pageIndex: page - 1, pageSize };
  const table = useTable({
    features: serverTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableSortingRemoval: false,
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting)[0];
      if (next) go({ sort: next.id, dir: next.desc ? "desc" : "asc", page: null });
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      go({ page: String(next.pageIndex + 1) });
    },
  });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <div className="table-wrap">
        <table className={className}>
          {caption ? <caption className="visually-hidden">{caption}</caption> : null}
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                      {header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="muted table-empty">
                  No {noun} match these filters.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <span className="muted">
          {total === 0 ? `No ${noun}` : `${(page - 1) * pageSize + 1}–${Math.min(page * pageSize, total)} of ${total}`}
          {footnote ? <> · {footnote}</> : null}
        </span>
        <span className="form-actions">
          <button type="button" className="button button-secondary" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            Previous
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button type="button" className="button button-secondary" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            Next
          </button>
          {pageSizes ? (
            <label className="inline-field">
              Rows per page
              <select value={pageSize} onChange={(e) => go({ pageSize: e.target.value, page: null })}>
                {pageSizes.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </span>
      </nav>
    </>
  );
}
