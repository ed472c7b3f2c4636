// Input schemas of a notice to Amazon, for incidents and legal-process requests alike.
import { z } from "zod";

/** Wall-clock "2026-11-28T10:30" in the given zone, or an ISO instant; empty is caught by the service. */
const dateTimeText = z.preprocess((v) => (v instanceof Date ? v.toISOString() : v == null ? "" : String(v).trim()), z.string());

export const ZNoticeChannel = z.enum(["email", "phone", "portal", "other"], { error: "Choose how the notice was given." });

/**
 * A notice given another way (phone, Amazon's portal, another mailbox): who gave it, when, to
 * whom, and a copy: the text, a reference to where the copy is kept (an evidence label, a
 * ticket), or both.
 */
export const ZRecordNotice = z
  .object({
    sentAt: dateTimeText,
    timeZone: z.string().default("UTC"),
    channel: ZNoticeChannel,
    sender: z.string({ error: "Say who gave the notice." }).trim().min(2, "Say who gave the notice.").max(200),
    toAddress: z.string({ error: "Say to whom it was given (an address, a number, the portal)." }).trim().min(3, "Say to whom it was given (an address, a number, the portal).").max(320),
    subject: z.string().trim().max(300).optional().default(""),
    body: z.string().trim().max(50_000).optional().default(""),
    evidenceReference: z.string().trim().max(300).optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (value.body.length >= 20 || value.evidenceReference.length >= 3) return;
    if (value.body.length > 0) ctx.addIssue({ code: "custom", path: ["body"], message: "Paste a copy of what was given (at least 20 characters), or give where the copy is kept." });
    else ctx.addIssue({ code: "custom", path: ["body"], message: "Keep a copy: paste what was given, or give where the copy is kept (an evidence label, a ticket)." });
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
    .pipe(z.email({ message: "Enter an email address, such as security@amazon.com." })),
});
