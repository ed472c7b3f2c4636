import { z } from "zod";
import { CONTROLS } from "./catalog";

const attestable = CONTROLS.filter((c) => c.basis === "attested").map((c) => c.id) as [string, ...string[]];

export const ZAttestControl = z.object({
  controlId: z.enum(attestable, { message: "Choose a control that is attested by a person." }),
  status: z.enum(["met", "not_met"], { message: "Say whether the control is met." }),
  evidence: z.string().trim().min(10, "Describe the evidence (at least 10 characters): a report, a ticket, a document reference.").max(4000, "Keep it under 4000 characters."),
  nextDueAt: z.coerce.date({ message: "Enter when this must be attested again." }),
});

export const ZControlOwner = z.object({
  controlId: z.enum(CONTROLS.map((c) => c.id) as [string, ...string[]], { message: "Unknown control." }),
  ownerId: z.string().trim().min(1, "Choose an owner."),
});

export const ZPolicyVersion = z.object({ version: z.enum(["2021", "2025"], { message: "Choose a policy version." }) });

const requiredText = (max: number, message: string) => z.string({ message }).trim().min(1, message).max(max, `Keep it under ${max} characters.`);

export const ZCertificateIssue = z.object({
  asOf: z.string({ message: "Enter the date the certificate speaks for." }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date the certificate speaks for."),
  organisation: requiredText(200, "Name the organisation that certifies."),
  officerName: requiredText(200, "Enter the certifying officer's name."),
  officerTitle: requiredText(200, "Enter the certifying officer's title."),
  requestedBy: requiredText(2000, "Name Amazon's written request: its reference or text."),
});

