// What screens and other domains may know about compliance without a database: the catalog of
// controls, the control status enum with its one label each, row shapes, and input schemas.
import type { TControlStatus } from "./evaluate";

export * from "./catalog";
export * from "./schemas";
export * from "./attestation-rules";
export * from "./policy-versions";
export { CONTROL_STATUSES, type TControlStatus } from "./evaluate";

/** The one wording of a control's status: the map on screen, its CSV and PDF, the certificate, the auditor portal. */
export const CONTROL_STATUS_LABEL: Record<TControlStatus, string> = {
  met: "Met",
  attention: "Needs attention",
  not_met: "Not met",
  no_evidence: "No evidence yet",
  not_attested: "Not attested",
  not_tracked: "Not tracked yet",
  informational: "Informational",
};

/** One control as the map shows it (screen and exports). */
export interface TControlRowView {
  id: string;
  section: string;
  title: string;
  requirement: string;
  basis: string;
  /** The period the control is measured over, in words ("12 months"). */
  period: string | null;
  status: TControlStatus;
  summary: string;
  problems: string[];
  owner: string | null;
  lastVerifiedAt: string | null;
  nextDueAt: string | null;
  evidence: string | null;
  /** The records behind the status. */
  links: { label: string; href: string }[];
  /** The attestation shown: who signed, and whether it needs re-signing. */
  attestation: { signedBy: string; attestedAt: string; evidenceReference: string | null; needsResigning: string | null } | null;
  attestable: "status" | "none_occurred" | null;
  openFindings: number;
  overdueFindings: number;
}

/** One signed attestation as the control's page lists it. */
export interface TAttestationHistoryRow {
  id: string;
  kind: string;
  status: string;
  statement: string;
  signedBy: string;
  attestedAt: Date;
  nextDueAt: Date;
  signedAt: Date | null;
  evidenceReference: string | null;
  needsResigning: string | null;
}

export interface TCertificateRow {
  id: string;
  reference: string;
  policyVersion: string;
  asOf: string;
  officerName: string;
  officerTitle: string;
  requestedBy: string;
  issuedAt: string;
  pdfSha256: string;
  met: number;
  notMet: number;
}
