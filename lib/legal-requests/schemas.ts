// Input schemas for legal-process requests. Notices about them use lib/notices' schemas.
import { z } from "zod";
import { ZDateTimeText } from "@/lib/incidents/types";

export const ZLegalRequestCreate = z.object({
  receivedAt: ZDateTimeText,
  timeZone: z.string().default("UTC"),
  requestingParty: z.string({ error: "Say who sent the request." }).trim().min(2, "Say who sent the request.").max(300),
  dataSought: z.string({ error: "Say what data is sought." }).trim().min(5, "Say what data is sought (at least 5 characters).").max(10_000),
  description: z.string().trim().max(10_000).optional(),
});
export type TLegalRequestCreate = z.input<typeof ZLegalRequestCreate>;
