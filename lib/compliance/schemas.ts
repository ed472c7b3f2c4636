import { z } from "zod";
import { ATTESTATION_STATEMENT_MAX, ATTESTATION_STATEMENT_MIN } from "./attestation-rules";
import { CONTROLS } from "./catalog";

const attestable = CONTROLS.filter((c) => c.basis === "attested" || c.basis === "records").map((c) => c.id) as [string, ...string[]];

/**
 * A signed attestation: of an attested control (met or not met), or of a record-based control
 * whose period holds nothing ("none occurred", always met). The signer re-enters their current
 * password and a code from their authenticator.
 */
export const ZAttestControl = z.object({
  controlId: z.enum(attestable, { message: "Choose a control that a person can attest." }),
  status: z.enum(["met", "not_met"], { message: "Say whether the control is met." }).optional(),
  statement: z
    .string({ message: `Write the statement (at least ${ATTESTATION_STATEMENT_MIN} characters).` })
    .trim()
    .min(ATTESTATION_STATEMENT_MIN, `Write at least ${ATTESTATION_STATEMENT_MIN} characters: what was checked, how, and where the proof is kept.`)
    .max(ATTESTATION_STATEMENT_MAX, `Keep it under ${ATTESTATION_STATEMENT_MAX} characters.`),
  evidenceReference: z
    .string()
    .trim()
    .toUpperCase()
    .max(40, "Enter an evidence reference like EVD-2026-0001.")
    .optional()
    .transform((v) => v || null),
  nextDueAt: z
    .union([z.date(), z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter when this must be attested again.")], { message: "Enter when this must be attested again." })
    .transform((v) => (v instanceof Date ? v : new Date(`${v}T00:00:00Z`)))
    .refine((d) => !Number.isNaN(d.getTime()), "Enter a real calendar day."),
  currentPassword: z.string({ message: "Enter your current password to sign." }).min(1, "Enter your current password to sign.").max(512),
  code: z.string({ message: "Enter the code from your authenticator app." }).trim().min(1, "Enter the code from your authenticator app.").max(32),
});
export type TAttestControl = z.infer<typeof ZAttestControl>;

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

