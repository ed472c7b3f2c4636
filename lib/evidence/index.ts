import "server-only";
// Evidence: the public entry point for other domains, app/ and scripts. Types, labels and
// schemas a client component may import are in ./types.

export * from "./types";
export { createDigitalEvidence, createPhysicalEvidence } from "./create-evidence";
export { requestCustodyTransfer } from "./request-custody-transfer";
export { acceptCustodyTransfer } from "./accept-custody-transfer";
export { declineCustodyTransfer } from "./decline-custody-transfer";
export { recordCustodyEvent } from "./record-custody-event";
export { allowedCustodyEvents, isInCustody } from "./custody-event-rules";
export { verifyEvidenceIntegrity } from "./verify-evidence-integrity";
export { runEvidenceIntegritySweep } from "./run-evidence-integrity-sweep";
export { recheckCustodyLedgers } from "./recheck-custody-ledgers";
export { evidenceIntegrityFacts, type TEvidenceIntegrityFacts } from "./evidence-integrity-facts";
export { countFilesNotVerifiedWithinCycle, getIntegrityCycleStatus, integrityCycleMs } from "./integrity-status";
export { downloadEvidenceFile } from "./download-evidence";
export { displayNameOf, exportCustodyReport } from "./custody-report";
export { custodyPackFiles } from "./custody-pack";
export { exportEvidencePackage } from "./export-evidence-package";
export { getEvidence } from "./get-evidence";
export { listEvidence } from "./list-evidence";
export { listCustodyCandidates } from "./list-custody-candidates";
export { getIncidentEvidenceSummary } from "./incident-evidence-summary";
export { getEvidenceUploadContext } from "./evidence-upload-context";
export { findEvidence, memberIdsOfEvidence } from "./evidence-access";
export { verifyCustodyChain } from "./custody-chain";
export { custodyTransferClock } from "./clock-source";
export { evidenceTransferRule } from "./reminder-rules/transfer-waiting";
