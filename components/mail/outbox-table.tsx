"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable, type TServerTableFeatures } from "@/components/data-table/data-table";
import { useMemo } from "react";
import { ActionForm, type TActionState } from "@/components/forms/action-form";
import { STATUS_LABELS, type TOutboxTableQuery, type TOutboxTableRow } from "./outbox-types";
import styles from "@/components/mail/mail.module.css";


function formatTime(iso: string | null): string {
  if (!iso) return "";
  return iso.slice(0, 16).replace("T", " ");
}

function ResendButton({ emailId, action, subject }: { emailId: string; subject: string; action: (prev: TActionState, form: FormData) => Promise<TActionState> }) {
  return (
    <ActionForm
      action={action}
      hidden={{ emailId }}
      submitLabel="Resend"
      pendingLabel="Resending…"
      submitClassName="button button-secondary"
      submitAriaLabel={`Resend “${subject}”`}
      successMessage="Queued again"
      className="compact-form"
    />
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
  resendAction: (prev: TActionState, form: FormData) => Promise<TActionState>;
}) {
  const columns = useMemo<ColumnDef<TServerTableFeatures, TOutboxTableRow>[]>(
    () => [
      { id: "createdAt", accessorKey: "createdAt", header: "Queued", cell: (info) => <span className={styles.nowrap}>{formatTime(info.getValue() as string)}</span> },
      {
        id: "subject",
        accessorKey: "subject",
        header: "Subject",
        cell: ({ row }) => (
          <div className={styles.subject}>
            <div>{row.original.subject}</div>
            <div className={`muted mono ${styles.small}`}>
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
              {row.original.status === "sent" && row.original.sentAt ? <div className={`muted ${styles.smallNowrap}`}>{formatTime(row.original.sentAt)}</div> : null}
              {row.original.nextAttemptAt ? <div className={`muted ${styles.smallNowrap}`}>next try {formatTime(row.original.nextAttemptAt)}</div> : null}
            </>
          );
        },
      },
      { id: "attempts", accessorKey: "attempts", header: "Attempts", cell: (info) => String(info.getValue()) },
      {
        id: "lastError",
        header: "Last error",
        enableSorting: false,
        cell: ({ row }) => (row.original.lastError ? <div className={styles.error}>{row.original.lastError}</div> : <span className="muted">None</span>),
      },
      ...(canResend
        ? [
            {
              id: "actions",
              header: () => <span className="visually-hidden">Actions</span>,
              enableSorting: false,
              cell: ({ row }) =>
                ["failed", "held", "sent"].includes(row.original.status) ? <ResendButton emailId={row.original.id} subject={row.original.subject} action={resendAction} /> : null,
            } satisfies ColumnDef<TServerTableFeatures, TOutboxTableRow>,
          ]
        : []),
    ],
    [canResend, resendAction],
  );

  return (
    <DataTable
      columns={columns}
      rows={rows}
      total={total}
      query={query}
      noun="emails"
      caption={`Outbox, sorted by ${query.sort} ${query.dir === "desc" ? "descending" : "ascending"}`}
      pageSizes={[10, 25, 50, 100]}
      footnote="Times in UTC."
    />
  );
}
