// Input schemas of a notice to Amazon, for incidents and legal-process requests alike.
import { z } from "zod";

/** Wall-clock "2026-11-28T10:30" in the given zone, or an ISO instant; empty is caught by the service. */
const dateTimeText = z.preprocess((v) => (v instanceof Date ? v.toISOString() : v == null ? "" : String(v).trim()), z.string());

export const ZNoticeChannel = z.enum(["email", "phone", "portal", "other"], { error: "Choose how the notice went." });

export const ZRecordNotice = z.object({
  sentAt: dateTimeText,
  timeZone: z.string().default("UTC"),
  channel: ZNoticeChannel,
  sender: z.string({ error: "Say who sent the notice." }).trim().min(2, "Say who sent the notice.").max(200),
  toAddress: z.string().trim().max(320).optional(),
  subject: z.string({ error: "Give the subject of what was sent." }).trim().min(3, "Give the subject of what was sent.").max(300),
  body: z.string({ error: "Paste a copy of what was sent." }).trim().min(20, "Paste a copy of what was sent (at least 20 characters).").max(50_000),
});
export type TRecordNotice = z.input<typeof ZRecordNotice>;

export const ZSendNotice = z.object({
  toAddress: z.email({ error: "Enter the address to send the notice to." }),
  subject: z.string().trim().min(3, "Give the notice a subject.").max(300),
  body: z.string().trim().min(20, "The notice needs its content (at least 20 characters).").max(50_000),
});
export type TSendNotice = z.input<typeof ZSendNotice>;

export const ZNoticeAddress = z.object({
  address: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter the address notices to Amazon go to.")
    .max(254, "An email address has at most 254 characters.")
    .pipe(z.email({ message: "Enter an email address, such as 3p-security@amazon.com." })),
});
