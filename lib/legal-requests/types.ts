// What screens and other modules may import about legal-process requests. No server code here.
import type { TClockState } from "@/lib/incidents/types";
import type { TNoticeDraft, TNoticeRow, TPendingNotice } from "@/lib/notices/types";
import type { TLegalRequestListQuery } from "./schemas";

export {
  LEGAL_REQUEST_SORT_COLUMNS,
  ZLegalRequestCreate,
  ZLegalRequestListQuery,
  type TLegalRequestCreate,
  type TLegalRequestListQuery,
} from "./schemas";

/** One label per status filter of the list. */
export const LEGAL_REQUEST_STATUS_LABEL = { open: "Open", closed: "Closed", all: "All" } as const;

export interface TLegalRequestRow {
  id: string;
  reference: string;
  receivedAt: string;
  requestingParty: string;
  dataSought: string;
  description: string;
  notificationDueAt: string;
  amazonNotifiedAt: string | null;
  amazonNoticeOnTime: boolean | null;
  closedAt: string | null;
  clock: TClockState;
  /** A notice sent through Vigil and not yet given: "sending", or "held" / "failed" (red). Lists only. */
  notice?: TPendingNotice | null;
}

export interface TLegalRequestDetail extends TLegalRequestRow {
  notices: TNoticeRow[];
  /** The drafted notice, for those who may send it. */
  draft: TNoticeDraft | null;
  timeZone: string;
  canManage: boolean;
}

/** One page of the list, filtered, sorted and paged in the database. */
export interface TLegalRequestListPage {
  rows: TLegalRequestRow[];
  total: number;
  query: TLegalRequestListQuery;
}
