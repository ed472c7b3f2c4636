// Legal-process requests as pure rules: the notice Vigil drafts, and what a closed request refuses.
import { formatWithZone } from "@/lib/incidents/types";

export interface TLegalNoticeFacts {
  reference: string;
  receivedAt: Date;
  requestingParty: string;
  dataSought: string;
  contact: string;
}

/** The notice to Amazon about a legal-process request (GS-4g): reference, receipt time with zone, who asks for what, contact. */
export function draftLegalRequestNotice(facts: TLegalNoticeFacts, timeZone: string): { subject: string; body: string } {
  return {
    subject: `Legal process request ${facts.reference} concerning Amazon Information`,
    body: [
      "To the Amazon security team,",
      "",
      "we have received a legal process request that seeks Amazon Information, and inform you as required by the Data Protection Policy.",
      "",
      `Reference: ${facts.reference}`,
      `Received at: ${formatWithZone(facts.receivedAt, timeZone)}`,
      `Requesting party: ${facts.requestingParty}`,
      "",
      "Data sought:",
      facts.dataSought,
      "",
      `Contact: ${facts.contact}`,
    ].join("\n"),
  };
}

/** Why a request takes no more notices, or null while it is open. */
export function openLegalRequestError(request: { closedAt: Date | null }): string | null {
  return request.closedAt ? "This request is closed: a closed request takes no more notices." : null;
}

/** Why a request cannot be closed yet, or null when it may be. */
export function closingLegalRequestError(request: { amazonNotifiedAt: Date | null }): string | null {
  return request.amazonNotifiedAt ? null : "Inform Amazon (send or record the notice) before closing the request.";
}
