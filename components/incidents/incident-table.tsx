"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import {
  createColumnHelper,
  functionalUpdate,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type PaginationState,
  type SortingState,
} from "@tanstack/react-table";
import { Countdown } from "./countdown";
import { SEVERITY_BADGE, STATUS_BADGE } from "./labels";

export interface TIncidentTableRow {
  id: string;
  reference: string;
  title: string;
  severity: string;
  status: string;
  statusLabel: string;
  typeName: string;
  detectedAt: string;
  detectedAtText: string;
  notificationDueAt: string | null;
  amazonNotifiedAt: string | null;
  amazonNoticeOnTime: boolean | null;
  commanderName: string | null;
}

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });
const helper = createColumnHelper<typeof features, TIncidentTableRow>();

/**
 * The incident list in manual mode: rows arrive sorted, filtered and paged by the server;
 * sorting and paging change the URL, which is the list's only state.
 */
export function IncidentTable({
  rows,
  total,
  page,
  pageSize,
  sort,
  dir,
  serverNow,
}: {
  rows: TIncidentTableRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  dir: "asc" | "desc";
  serverNow: string;
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

  const columns = helper.columns([
    helper.accessor("reference", {
      id: "reference",
      header: "Reference",
      cell: (info) => (
        <Link href={`/incidents/${info.getValue()}`} className="mono">
          {info.getValue()}
        </Link>
      ),
    }),
    helper.accessor("title", { id: "title", header: "Title" }),
    helper.accessor("typeName", { id: "type", header: "Type" }),
    helper.accessor("severity", { id: "severity", header: "Severity", cell: (info) => <span className={SEVERITY_BADGE[info.getValue()]}>{info.getValue()}</span> }),
    helper.accessor("status", { id: "status", header: "Status", cell: (info) => <span className={STATUS_BADGE[info.getValue()]}>{info.row.original.statusLabel}</span> }),
    helper.accessor("detectedAt", { id: "detectedAt", header: "Detected", cell: (info) => <span style={{ whiteSpace: "nowrap" }}>{info.row.original.detectedAtText}</span> }),
    helper.accessor("notificationDueAt", {
      id: "dueAt",
      header: "Amazon clock",
      cell: (info) => {
        const r = info.row.original;
        return <Countdown compact dueAt={r.notificationDueAt} notifiedAt={r.amazonNotifiedAt} noticeOnTime={r.amazonNoticeOnTime} stopped={r.status === "false_positive"} serverNow={serverNow} />;
      },
    }),
    helper.accessor("commanderName", { id: "commander", header: "Commander", enableSorting: false, cell: (info) => info.getValue() ?? <span className="muted">—</span> }),
  ]);

  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const pagination: PaginationState = { pageIndex: page - 1, pageSize };
  const table = useTable({
    features,
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
        <table>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined} scope="col">
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
                <td colSpan={columns.length} className="muted" style={{ textAlign: "center", padding: "2rem" }}>
                  No incidents match these filters.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <span className="muted">
          {total === 0 ? "No incidents" : `${(page - 1) * pageSize + 1}–${Math.min(page * pageSize, total)} of ${total}`}
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
        </span>
      </nav>
    </>
  );
}
