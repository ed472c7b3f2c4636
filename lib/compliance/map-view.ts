import type { TControlResult } from "./evaluate";
import type { TControlRowView } from "./types";

/** The plain shape screens and exports use. */
export function toControlRows(results: readonly TControlResult[]): TControlRowView[] {
  return results.map((r) => ({
    id: r.control.id,
    section: r.control.section,
    title: r.control.title,
    requirement: r.control.requirement,
    basis: r.control.basis,
    status: r.status,
    summary: r.summary,
    problems: r.problems,
    owner: r.owner,
    lastVerifiedAt: r.lastVerifiedAt?.toISOString() ?? null,
    nextDueAt: r.nextDueAt?.toISOString() ?? null,
    evidence: r.evidence,
    openFindings: r.findings.open,
    overdueFindings: r.findings.overdue,
  }));
}
