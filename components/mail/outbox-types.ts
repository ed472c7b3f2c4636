// Shapes the outbox screen receives from its page (plain data, no Prisma types).
import type { TOutboxRow, TOutboxStatus } from "@/lib/mail/types";

export type { TOutboxStatus };
export type TOutboxSort = "createdAt" | "updatedAt" | "status" | "attempts" | "subject";

export type TOutboxTableRow = TOutboxRow;

export interface TOutboxTableQuery {
  page: number;
  pageSize: number;
  sort: TOutboxSort;
  dir: "asc" | "desc";
  status?: TOutboxStatus;
  q?: string;
  email?: string;
}


export const STATUS_LABELS: Record<TOutboxStatus, { label: string; badge: string }> = {
  pending: { label: "Waiting", badge: "badge-warn" },
  sending: { label: "Sending", badge: "badge-warn" },
  sent: { label: "Sent", badge: "badge-ok" },
  failed: { label: "Failed", badge: "badge-danger" },
  held: { label: "Held", badge: "badge-neutral" },
  cancelled: { label: "Cancelled", badge: "badge-neutral" },
};

/** The address of the outbox page for a query: state lives in the URL, the server does the work. */
export function outboxHref(query: TOutboxTableQuery, change: Partial<TOutboxTableQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.page > 1) params.set("page", String(next.page));
  if (next.pageSize !== 25) params.set("pageSize", String(next.pageSize));
  if (next.sort !== "createdAt") params.set("sort", next.sort);
  if (next.dir !== "desc") params.set("dir", next.dir);
  if (next.status) params.set("status", next.status);
  if (next.q) params.set("q", next.q);
  if (next.email) params.set("email", next.email);
  const text = params.toString();
  return text ? `/settings/mail?${text}` : "/settings/mail";
}
