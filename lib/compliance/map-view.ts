import type { TControlResult } from "./evaluate";
import type { TControlRowView } from "./types";

/** Problems the screen names per row; the row's links lead to the rest. The map read for the screen lists no more of a long list. */
export const SCREEN_PROBLEMS = 5;
/** Characters of an attestation statement the screen shows; the attestation page has it whole. */
const SCREEN_STATEMENT = 160;

/**
 * The plain shape screens and exports use. `forScreen` keeps each row short (a few problems, the
 * start of a statement): the map links to the records instead of inlining them.
 */
export function toControlRows(results: readonly TControlResult[], options: { forScreen?: boolean } = {}): TControlRowView[] {
  return results.map((r) => {
    const unlisted = r.unlistedProblems ?? 0;
    // A map read for the screen names only the first problems: an export of it would drop the rest.
    if (unlisted && !options.forScreen) throw new Error(`${r.control.id} lists only some of its problems: read the map whole (getComplianceMap without forScreen) to export it.`);
    const total = r.problems.length + unlisted;
    const problems = options.forScreen && total > SCREEN_PROBLEMS ? [...r.problems.slice(0, SCREEN_PROBLEMS), `and ${total - SCREEN_PROBLEMS} more: every one is listed in the CSV and PDF export.`] : r.problems;
    const evidence = options.forScreen && r.attestation && r.evidence && r.evidence.length > SCREEN_STATEMENT ? `${r.evidence.slice(0, SCREEN_STATEMENT).trimEnd()}…` : r.evidence;
    return {
      id: r.control.id,
      section: r.control.section,
      title: r.control.title,
      requirement: r.control.requirement,
      basis: r.control.basis,
      period: r.control.period?.label ?? null,
      status: r.status,
      summary: r.summary,
      problems,
      owner: r.owner,
      lastVerifiedAt: r.lastVerifiedAt?.toISOString() ?? null,
      nextDueAt: r.nextDueAt?.toISOString() ?? null,
      evidence,
      links: r.links,
      attestation: r.attestation
        ? { signedBy: r.attestation.signedBy, attestedAt: r.attestation.attestedAt.toISOString(), evidenceReference: r.attestation.evidenceReference, needsResigning: r.attestation.needsResigning }
        : null,
      attestable: r.attestable,
      openFindings: r.findings.open,
      overdueFindings: r.findings.overdue,
    };
  });
}
