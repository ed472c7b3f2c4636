import "server-only";
// Plans and policies: the incident response plan, the privacy and data-handling policy and any
// other policy the team keeps, each versioned, approved by someone who did not write it, and
// readable and downloadable as PDF in every approved version. Types, labels, schemas and pure
// rules a client component may import are in ./types.

export * from "./types";
export { createPolicyDocument } from "./create-document";
export { startFromTemplates } from "./start-from-templates";
export { savePolicyDraft } from "./save-draft";
export { approvePolicyDraft } from "./approve-version";
export { listPolicyDocuments } from "./list-documents";
export { getPolicyDocument, getPolicyVersion } from "./get-document";
export { comparePolicyVersions } from "./compare-versions";
export { downloadPolicyVersionPdf } from "./download-version-pdf";
export { renderPolicyPdf } from "./render-policy-pdf";
export { recordPolicyReview } from "./record-review";
export { recordPolicyChange } from "./record-change";
export { policyReviewClock } from "./clock-source";
export { policyReviewDueRule } from "./reminder-rules/policy-review-due";
export { addPlanContact } from "./add-plan-contact";
export { removePlanContact } from "./remove-plan-contact";
export { listPlanContacts } from "./list-plan-contacts";
export { addPlanIncidentType } from "./add-plan-incident-type";
export { updatePlanIncidentType } from "./update-plan-incident-type";
export { removePlanIncidentType } from "./remove-plan-incident-type";
export { scheduleControlActivity } from "./schedule-activity";
export { completeControlActivity } from "./complete-activity";
export { listControlActivities, getControlActivity, activityOwnerOptions } from "./list-activities";
export { controlActivityClock } from "./clock-source";
export { activityDueRule } from "./reminder-rules/activity-due";
export { gatherPlanFacts, planRegisterFiles, policyPackFiles } from "./plan-compliance";
export { acknowledgePolicyVersion } from "./acknowledge-version";
export { policyAcknowledgementClock } from "./clock-source";
export { acknowledgementRule } from "./reminder-rules/acknowledgement-due";
