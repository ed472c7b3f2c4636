// What a compliance certificate states, built from the computed compliance map. Pure: the
// service passes the map and the time. A control is certified as met only when Vigil computes
// it as met (records in its period, or a current signed attestation); every other status is
// named for what it is.
import type { TPolicyVersion } from "./catalog";
import type { TControlResult, TControlStatus } from "./evaluate";

export const POLICY_LABEL: Record<TPolicyVersion, string> = {
  "2025": "Data Protection Policy, revision of 11 November 2025",
  "2021": "Data Protection Policy of January 2021",
};

/** A control is certified only when met; every other status is named for what it is. */
export const CERTIFICATE_STATUS_TEXT: Record<TControlStatus, string> = {
  met: "Met",
  attention: "Not certified: needs attention",
  not_met: "Not met",
  no_evidence: "Not certified: no evidence yet",
  not_attested: "Not certified: not attested",
  not_tracked: "Not certified: not tracked yet",
  informational: "Informational",
};

export interface TCertificateStatement {
  reference: string;
  organisation: string;
  policyVersion: TPolicyVersion;
  policyLabel: string;
  /** The day the certificate speaks for (YYYY-MM-DD). */
  asOf: string;
  /** When Vigil computed the statuses below (ISO). */
  computedAt: string;
  officer: { id: string; name: string; title: string };
  requestedBy: string;
  controls: { id: string; section: string; title: string; status: TControlStatus; statusText: string; summary: string; problems: string[] }[];
  met: string[];
  notMet: string[];
  declaration: string;
}

export function buildCertificateStatement(input: {
  reference: string;
  organisation: string;
  version: TPolicyVersion;
  results: readonly TControlResult[];
  asOf: string;
  computedAt: Date;
  officer: { id: string; name: string; title: string };
  requestedBy: string;
}): TCertificateStatement {
  const controls = input.results.map((r) => ({
    id: r.control.id,
    section: r.control.section,
    title: r.control.title,
    status: r.status,
    statusText: CERTIFICATE_STATUS_TEXT[r.status],
    summary: r.summary,
    problems: r.problems,
  }));
  const met = controls.filter((c) => c.status === "met").map((c) => c.id);
  const notMet = controls.filter((c) => c.status !== "met" && c.status !== "informational").map((c) => c.id);
  const computed = `${input.computedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const declaration = [
    `On behalf of ${input.organisation}, I certify that, as of ${input.asOf}, the ${met.length} control(s) of Amazon's ${POLICY_LABEL[input.version]} shown below as "Met" are met.`,
    notMet.length
      ? `The other ${notMet.length} control(s) are NOT certified as met: ${notMet.join(", ")}. Each is shown with its status: not met, needing attention, no evidence yet, not attested by a named person, or not tracked yet in Vigil.`
      : "Every control that carries an obligation is met.",
    `The statuses were computed by Vigil from its live records at ${computed}.`,
  ].join(" ");
  return {
    reference: input.reference,
    organisation: input.organisation,
    policyVersion: input.version,
    policyLabel: POLICY_LABEL[input.version],
    asOf: input.asOf,
    computedAt: input.computedAt.toISOString(),
    officer: input.officer,
    requestedBy: input.requestedBy,
    controls,
    met,
    notMet,
    declaration,
  };
}
