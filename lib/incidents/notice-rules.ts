// Drafting the notice to Amazon about an incident, and the rule for third-party
// notifications: pure functions.
import { formatWithZone } from "@/lib/core/time-zones";

export interface TIncidentNoticeFacts {
  reference: string;
  title: string;
  summary: string;
  detectedAt: Date;
  typeName: string;
  severity: string;
  affectedSystems: readonly string[];
  affectedDataCategories: readonly string[];
  actionsTaken: readonly string[];
  contact: string;
}

/** The notice Vigil drafts (GS-4e): reference, detection time with zone, what happened, data and systems, actions, contact. */
export function draftIncidentNotice(facts: TIncidentNoticeFacts, timeZone: string): { subject: string; body: string } {
  const list = (items: readonly string[]) => (items.length ? items.map((i) => `- ${i}`).join("\n") : "- Not yet established");
  return {
    subject: `Security incident notice ${facts.reference}: ${facts.title}`,
    body: [
      "To the Amazon security team,",
      "",
      "we are notifying you of a security incident that may involve Amazon Information, as required by the Data Protection Policy.",
      "",
      `Reference: ${facts.reference}`,
      `Detected at: ${formatWithZone(facts.detectedAt, timeZone)}`,
      `Type and severity: ${facts.typeName}, ${facts.severity}`,
      "",
      "What happened:",
      facts.summary,
      "",
      "Data affected:",
      list(facts.affectedDataCategories),
      "",
      "Systems affected:",
      list(facts.affectedSystems),
      "",
      "Actions taken so far:",
      list(facts.actionsTaken),
      "",
      `Contact: ${facts.contact}`,
    ].join("\n"),
  };
}

export interface TThirdPartyBasis {
  basis: "amazon_approval" | "legal_obligation" | "none";
  amazonApproval?: string;
  legalObligation?: string;
  reasonWithoutBasis?: string;
}

/**
 * GS-4f: never notify a regulator or customer on Amazon's behalf without its written approval
 * or a legal obligation. Without either, Vigil warns and the person must give a reason.
 */
export function thirdPartyBasisErrors(input: TThirdPartyBasis): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.basis === "amazon_approval" && !input.amazonApproval?.trim()) {
    errors.amazonApproval = "Attach Amazon's written approval (paste the approval or its reference).";
  }
  if (input.basis === "legal_obligation" && !input.legalObligation?.trim()) {
    errors.legalObligation = "Name the legal obligation (law and article).";
  }
  if (input.basis === "none" && (input.reasonWithoutBasis?.trim().length ?? 0) < 10) {
    errors.reasonWithoutBasis =
      "Without Amazon's written approval or a legal obligation, give the reason for notifying (at least 10 characters).";
  }
  return errors;
}

export const THIRD_PARTY_WARNING =
  "Amazon asks not to be represented to regulators or customers without its written approval. Without approval or a legal obligation, record why this notification was made.";
