import "server-only";
// Audit engagements: the public entry point for other domains, app/ and scripts. Types, labels
// and schemas a client component may import are in ./types.

export * from "./types";
export { createEngagement } from "./create-engagement";
export { changeEngagementEnd } from "./change-engagement-end";
export { endEngagementNow } from "./end-engagement-now";
export { addEngagementAuditor } from "./add-engagement-auditor";
export { removeEngagementAuditor } from "./remove-engagement-auditor";
export { grantEvidenceDownload } from "./grant-evidence-download";
export { revokeEvidenceGrant } from "./revoke-evidence-grant";
export { getEngagement } from "./get-engagement";
export { listEngagements } from "./list-engagements";
export { listAuditorActivity } from "./list-auditor-activity";
export { evidenceAuditorAccess, listAuditorCandidates, myEngagements } from "./engagement-choices";
export { engagementGrantFor } from "./engagement-grant-for";
export { auditorAccessEnd, engagementState } from "./engagement-rules";
export { auditorAccessEndingRule } from "./reminder-rules/auditor-access-ending";
