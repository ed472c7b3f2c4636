import "server-only";
// Compliance: the public entry point for other domains, app/ and scripts. The catalog, types,
// labels and schemas a client component may import are in ./types.

export * from "./types";
export { attestControl } from "./attest-control";
export { setControlOwner } from "./set-control-owner";
export { setPolicyVersion } from "./set-policy-version";
export { issueCertificate } from "./issue-certificate";
export { certificateFormDefaults, listCertificates } from "./list-certificates";
export { downloadCertificate } from "./download-certificate";
export { getComplianceMap, type TComplianceMap } from "./get-compliance-map";
export { toControlRows } from "./map-view";
export { exportComplianceMap } from "./export-compliance-map";
export { exportAuditPack } from "./audit-pack";
export { listPeopleForAudit } from "./list-people-for-audit";
export { policyVersion } from "./gather-facts";
export { recordAuditVerification } from "./audit-facts";
export { controlAttestationClock } from "./clock-source";
export { attestationDueRule } from "./reminder-rules/attestation-due";
export { getControlAttestations, type TControlAttestations } from "./get-control-attestations";
