// Input schemas for legal-process requests. Notices about them use lib/notices' schemas.
import { z } from "zod";
import { listQueryFields } from "@/lib/core/list-query";
import { ZDateTimeText } from "@/lib/incidents/types";

export const ZLegalRequestCreate = z.object({
  receivedAt: ZDateTimeText,
  timeZone: z.string().default("UTC"),
  requestingParty: z.string({ error: "Say who sent the request." }).trim().min(2, "Say who sent the request.").max(300),
  dataSought: z.string({ error: "Say what data is sought." }).trim().min(5, "Say what data is sought (at least 5 characters).").max(10_000),
  description: z.string().trim().max(10_000).optional(),
});
export type TLegalRequestCreate = z.input<typeof ZLegalRequestCreate>;

export const LEGAL_REQUEST_SORT_COLUMNS = ["reference", "receivedAt", "requestingParty", "notificationDueAt"] as const;
export const LEGAL_REQUEST_STATUS_FILTERS = ["open", "closed", "all"] as const;

/** The list's state as it lives in the URL; anything malformed falls back to the default. */
export const ZLegalRequestListQuery = z.object({
  ...listQueryFields(LEGAL_REQUEST_SORT_COLUMNS, { sort: "receivedAt", dir: "desc" }),
  status: z.enum(LEGAL_REQUEST_STATUS_FILTERS).catch("all").default("all"),
  /** Part of a reference or of the requesting party's name. */
  q: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.string().max(200).optional().catch(undefined)),
});
export type TLegalRequestListQuery = z.output<typeof ZLegalRequestListQuery>;
