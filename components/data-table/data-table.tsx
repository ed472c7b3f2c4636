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
  type ReactTable,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { EmptyRow } from "@/components/ui/empty-row";
import { emptyListMessage } from "./empty-message";

export const serverTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type TServerTableFeatures = typeof serverTableFeatures;

/** Where a list stands, as its service parsed it from the URL. */
export interface TTableQuery {
  page: number;
  pageSize: number;
  sort: string;
  dir: "asc" | "desc";
}

/** What every list screen hands its table: one page of rows, the total and the parsed query. */
export interface TTablePage<TRow> {
  rows: TRow[];
  total: number;
  query: TTableQuery;
}

/**
 * The header and body of a react-table: sortable headers become buttons with `aria-sort`, and
 * `cellLabels` repeats each header on its cells (`data-label`) for layouts that stack cells on a
 * phone. `children` go at the end of the body (an empty row).
 */
export function TableView<TRow extends RowData>({
  table,
  className,
  caption,
  cellLabels = false,
  children,
}: {
  table: ReactTable<TServerTableFeatures, TRow>;
  className?: string;
  caption?: string;
  cellLabels?: boolean;
  children?: React.ReactNode;
}) {
  return (
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
                <td key={cell.id} data-label={cellLabels ? String(cell.column.columnDef.header ?? "") : undefined}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
          {children}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A table in manual mode: rows arrive sorted, filtered and paged by the server; sorting and
 * paging change the URL, which is the list's only state (shareable, back-button friendly).
 */
export function DataTable<TRow extends { id: string }>({
  columns,
  rows,
  total,
  query,
  noun,
  caption,
  className,
  pageSizes,
  footnote,
  cellLabels = false,
}: TTablePage<TRow> & {
  columns: ColumnDef<TServerTableFeatures, TRow>[];
  /** Plural noun for the pager and the empty row: "evidence items". */
  noun: string;
  caption?: string;
  className?: string;
  /** Offer these page sizes (URL parameter pageSize). */
  pageSizes?: readonly number[];
  /** A short note in the pager, e.g. "Times in UTC." */
  footnote?: React.ReactNode;
  /** Each cell carries its column's name, for the class "stack-on-phone" (a card per row on a phone). */
  cellLabels?: boolean;
}) {
  const { page, pageSize, sort, dir } = query;
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
      <TableView table={table} className={className} caption={caption} cellLabels={cellLabels}>
        {rows.length === 0 ? (
          <EmptyRow colSpan={columns.length} className="table-empty">
            {emptyListMessage(noun, { total, page, pageSize, params: params.entries() })}
          </EmptyRow>
        ) : null}
      </TableView>
      <nav className="pager" aria-label="Pages">
        <span className="muted">
          {total === 0 ? `No ${noun}` : page > pages ? `${total} in all` : `${(page - 1) * pageSize + 1}–${Math.min(page * pageSize, total)} of ${total}`}
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
