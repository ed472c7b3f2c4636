// What screens and other domains may know about compliance without a database: the catalog of
// controls, the control status enum with its one label each, row shapes, and input schemas.
import type { TControlStatus } from "./evaluate";

export * from "./catalog";
export * from "./schemas";
export * from "./policy-versions";
export type { TControlStatus } from "./evaluate";

/** The one wording of a control's status: the map on screen, its CSV and PDF, the auditor portal. */
export const CONTROL_STATUS_LABEL: Record<TControlStatus, string> = {
  met: "Met",
  not_met: "Not met",
  attention: "Needs attention",
  not_attested: "Not attested",
  not_tracked: "Not tracked yet",
  informational: "Wording only",
};

/** One control as the map shows it (screen and exports). */
export interface TControlRowView {
  id: string;
  section: string;
  title: string;
  requirement: string;
  basis: string;
  status: TControlStatus;
  summary: string;
  problems: string[];
  owner: string | null;
  lastVerifiedAt: string | null;
  nextDueAt: string | null;
  evidence: string | null;
  openFindings: number;
  overdueFindings: number;
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

