"use client";

import { rowPaginationFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type PaginationState, type SortingState, type Updater } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useActionState, useMemo } from "react";
import { STATUS_LABELS, outboxHref, type TActionResult, type TOutboxSort, type TOutboxTableQuery, type TOutboxTableRow } from "./outbox-types";

const visuallyHidden: React.CSSProperties = { position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" };

const features = tableFeatures({ rowPaginationFeature, rowSortingFeature });
const SORTABLE = new Set<string>(["createdAt", "updatedAt", "status", "attempts", "subject"]);

function formatTime(iso: string | null): string {
  if (!iso) return "";
  return iso.slice(0, 16).replace("T", " ");
}

function ResendButton({ emailId, action, subject }: { emailId: string; subject: string; action: (state: TActionResult, form: FormData) => Promise<TActionResult> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="emailId" value={emailId} />
      <button type="submit" className="button button-secondary" disabled={pending} aria-label={`Resend “${subject}”`}>
        {pending ? "Resending…" : "Resend"}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="error" style={{ color: "var(--danger)", margin: "0.25rem 0 0", fontSize: "0.85rem" }}>
          {state.error}
        </p>
      ) : null}
      {state && state.ok ? (
        <p role="status" style={{ color: "var(--ok)", margin: "0.25rem 0 0", fontSize: "0.85rem" }}>
          Queued again
        </p>
      ) : null}
    </form>
  );
}

export function OutboxTable({
  rows,
  total,
  query,
  canResend,
  resendAction,
}: {
  rows: TOutboxTableRow[];
  total: number;
  query: TOutboxTableQuery;
  canResend: boolean;
  resendAction: (state: TActionResult, form: FormData) => Promise<TActionResult>;
}) {
  const router = useRouter();

  const columns = useMemo<ColumnDef<typeof features, TOutboxTableRow>[]>(
    () => [
      { id: "createdAt", accessorKey: "createdAt", header: "Queued", cell: (info) => <span style={{ whiteSpace: "nowrap" }}>{formatTime(info.getValue() as string)}</span> },
      {
        id: "subject",
        accessorKey: "subject",
        header: "Subject",
        cell: ({ row }) => (
          <div style={{ minWidth: "14rem" }}>
            <div>{row.original.subject}</div>
            <div className="muted mono" style={{ fontSize: "0.8rem" }}>
              {row.original.template}
            </div>
          </div>
        ),
      },
      {
        id: "recipient",
        header: "To",
        enableSorting: false,
        cell: ({ row }) => (row.original.recipient ? row.original.recipient.displayName : <span className="muted">Outside address</span>),
      },
      {
        id: "status",
        accessorKey: "status",
        header: "Status",
        cell: ({ row }) => {
          const status = STATUS_LABELS[row.original.status];
          return (
            <>
              <span className={`badge ${status.badge}`}>{status.label}</span>
              {row.original.status === "sent" && row.original.sentAt ? <div className="muted" style={{ fontSize: "0.8rem", whiteSpace: "nowrap" }}>{formatTime(row.original.sentAt)}</div> : null}
              {row.original.nextAttemptAt ? <div className="muted" style={{ fontSize: "0.8rem", whiteSpace: "nowrap" }}>next try {formatTime(row.original.nextAttemptAt)}</div> : null}
            </>
          );
        },
      },
      { id: "attempts", accessorKey: "attempts", header: "Attempts", cell: (info) => String(info.getValue()) },
      {
        id: "lastError",
        header: "Last error",
        enableSorting: false,
        cell: ({ row }) => (row.original.lastError ? <div style={{ fontSize: "0.85rem", wordBreak: "break-word", minWidth: "10rem", maxWidth: "18rem" }}>{row.original.lastError}</div> : <span className="muted">None</span>),
      },
      ...(canResend
        ? [
            {
              id: "actions",
              header: () => <span style={visuallyHidden}>Actions</span>,
              enableSorting: false,
              cell: ({ row }) =>
                ["failed", "held", "sent"].includes(row.original.status) ? <ResendButton emailId={row.original.id} subject={row.original.subject} action={resendAction} /> : null,
            } satisfies ColumnDef<typeof features, TOutboxTableRow>,
          ]
        : []),
    ],
    [canResend, resendAction],
  );

  const pagination: PaginationState = { pageIndex: query.page - 1, pageSize: query.pageSize };
  const sorting: SortingState = [{ id: query.sort, desc: query.dir === "desc" }];

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualPagination: true,
    manualSorting: true,
    enableSortingRemoval: false,
    rowCount: total,
    state: { pagination, sorting },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = typeof updater === "function" ? updater(pagination) : updater;
      router.push(outboxHref(query, { page: next.pageIndex + 1, pageSize: next.pageSize }));
    },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = (typeof updater === "function" ? updater(sorting) : updater)[0];
      if (!next || !SORTABLE.has(next.id)) return;
      router.push(outboxHref(query, { sort: next.id as TOutboxSort, dir: next.desc ? "desc" : "asc", page: 1 }));
    },
  });

  const pageCount = Math.max(1, table.getPageCount());

  return (
    <>
      <div className="table-wrap" style={{ position: "relative" }}>
        <table>
          <caption style={visuallyHidden}>Outbox, sorted by {query.sort} {query.dir === "desc" ? "descending" : "ascending"}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}>
                      {header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === "desc" ? "↓" : sorted === "asc" ? "↑" : "↕"}</span>
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
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="muted" style={{ textAlign: "center", padding: "2rem" }}>
                  No emails match.
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label="Outbox pages" style={{ display: "flex", gap: "0.75rem", alignItems: "center", flexWrap: "wrap", marginTop: "0.75rem" }}>
        <button type="button" className="button button-secondary" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
          Previous
        </button>
        <span className="muted">Times in UTC.</span>
        <span>
          Page {query.page} of {pageCount} · {total} {total === 1 ? "email" : "emails"}
        </span>
        <button type="button" className="button button-secondary" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
          Next
        </button>
        <label style={{ display: "inline-flex", gap: "0.4rem", alignItems: "center", marginLeft: "auto" }}>
          Rows per page
          <select value={query.pageSize} onChange={(e) => table.setPageSize(Number(e.target.value))}>
            {[10, 25, 50, 100].map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </nav>
    </>
  );
}
