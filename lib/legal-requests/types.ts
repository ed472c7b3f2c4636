// What screens and other modules may import about legal-process requests. No server code here.
import type { TClockState } from "@/lib/incidents/types";
import type { TNoticeDraft, TNoticeRow } from "@/lib/notices/types";

export { ZLegalRequestCreate, type TLegalRequestCreate } from "./schemas";

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
}

export interface TLegalRequestDetail extends TLegalRequestRow {
  notices: TNoticeRow[];
  /** The drafted notice, for those who may send it. */
  draft: TNoticeDraft | null;
  timeZone: string;
  canManage: boolean;
}
