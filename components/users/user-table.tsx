"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { flexRender, rowPaginationFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from "@tanstack/react-table";

export interface TUserTableRow {
  id: string;
  displayName: string;
  email: string;
  roleLabels: string;
  status: "invited" | "active" | "locked" | "deactivated";
  createdAt: string;
  lastSignInAt: string | null;
}

const features = tableFeatures({ rowSortingFeature, rowPaginationFeature });

const STATUS_BADGE: Record<TUserTableRow["status"], string> = {
  active: "badge badge-ok",
  invited: "badge badge-neutral",
  locked: "badge badge-danger",
  deactivated: "badge badge-warn",
};

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "—";
}

const columns: ColumnDef<typeof features, TUserTableRow>[] = [
  {
    accessorKey: "displayName",
    header: "Name",
    cell: (info) => <Link href={`/settings/users/${info.row.original.id}`}>{info.row.original.displayName}</Link>,
  },
  { accessorKey: "email", header: "Email" },
  { accessorKey: "roleLabels", header: "Roles", enableSorting: false },
  {
    accessorKey: "status",
    header: "Status",
    cell: (info) => <span className={STATUS_BADGE[info.row.original.status]}>{info.row.original.status}</span>,
  },
  { accessorKey: "createdAt", header: "Created", cell: (info) => day(info.row.original.createdAt) },
  { accessorKey: "lastSignInAt", header: "Last sign-in", cell: (info) => day(info.row.original.lastSignInAt) },
];

/** Users, paged, sorted and filtered by the server: the table only reflects the URL. */
export function UserTable({ rows, total, page, pageSize, sort, dir }: { rows: TUserTableRow[]; total: number; page: number; pageSize: number; sort: string; dir: "asc" | "desc" }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.push(`${pathname}?${next.toString()}`);
  };

  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: { sorting, pagination: { pageIndex: page - 1, pageSize } },
    onSortingChange: (updater) => {
      const value = typeof updater === "function" ? updater(sorting) : updater;
      const first = value[0];
      go({ sort: first?.id ?? "", dir: first ? (first.desc ? "desc" : "asc") : "", page: "" });
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
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th key={header.id} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
                      {header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()}>
                          {label}
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}</span>
                        </button>
                      ) : (
                        label
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
                <td colSpan={columns.length} className="empty">
                  No users match these filters.
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <span className="muted">
          {total === 0 ? "No users" : `${(page - 1) * pageSize + 1}–${Math.min(page * pageSize, total)} of ${total}`}
        </span>
        <span className="actions-row">
          <button type="button" className="button button-secondary button-small" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
            Previous
          </button>
          <span className="muted">
            Page {page} of {pages}
          </span>
          <button type="button" className="button button-secondary button-small" disabled={page >= pages} onClick={() => go({ page: String(page + 1) })}>
            Next
          </button>
        </span>
      </nav>
    </>
  );
}
