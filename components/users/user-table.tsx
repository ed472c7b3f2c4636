"use client";

import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { DataTable, type TServerTableFeatures, type TTablePage } from "@/components/data-table/data-table";
import { USER_STATUS_LABELS, type TUserRow, type TUserStatus } from "@/lib/users/types";

/** A user row with its roles already labelled (ROLE_LABELS) by the page. */
export type TUserTableRow = Omit<TUserRow, "roles" | "accessEndsAt"> & { roleLabels: string };

const STATUS_BADGE: Record<TUserStatus, string> = {
  active: "badge badge-ok",
  invited: "badge badge-neutral",
  locked: "badge badge-danger",
  deactivated: "badge badge-warn",
};

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "—";
}

const columns: ColumnDef<TServerTableFeatures, TUserTableRow>[] = [
  {
    accessorKey: "displayName",
    header: "Name",
    cell: (info) => <Link href={`/settings/users/${info.row.original.id}`}>{info.row.original.displayName}</Link>,
  },
  { accessorKey: "email", header: "Email", cell: (info) => info.row.original.email ?? <span className="muted">Not shown</span> },
  { accessorKey: "roleLabels", header: "Roles", enableSorting: false },
  {
    accessorKey: "status",
    header: "Status",
    cell: (info) => <span className={STATUS_BADGE[info.row.original.status]}>{USER_STATUS_LABELS[info.row.original.status]}</span>,
  },
  { accessorKey: "createdAt", header: "Created", cell: (info) => day(info.row.original.createdAt) },
  { accessorKey: "lastSignInAt", header: "Last sign-in", cell: (info) => day(info.row.original.lastSignInAt) },
];

/** Users, paged, sorted and filtered by the server: the table only reflects the URL. */
export function UserTable(props: TTablePage<TUserTableRow>) {
  return <DataTable columns={columns} noun="users" caption="Users" {...props} />;
}
