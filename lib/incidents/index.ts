import "server-only";
// Incidents: the public entry point for app/, other modules and the reminder engine. Screens
// and client components import row types, schemas and labels from ./types.
export { addIncidentComment } from "./add-incident-comment";
export { addIncidentTask } from "./add-incident-task";
export { addManualTimelineEntry } from "./add-timeline-entry";
export { changeAmazonInfoAnswer } from "./change-amazon-info-answer";
export { changeDetectionTime } from "./change-detection-time";
export { listClockChanges } from "./clock-changes";
export { changeIncidentStatus } from "./change-incident-status";
export { closeIncident } from "./close-incident";
export { createIncident } from "./create-incident";
export { draftAmazonNotice } from "./draft-amazon-notice";
export { exportIncidentsCsv } from "./export-incidents";
export { getDashboard } from "./get-dashboard";
export { getIncident } from "./get-incident";
export { getIncidentCatalog } from "./get-incident-catalog";
export { listIncidents } from "./list-incidents";
export { markFalsePositive } from "./mark-false-positive";
export { recordAmazonNotice } from "./record-amazon-notice";
export { recordThirdPartyNotification } from "./record-third-party-notification";
export { sendAmazonNotice } from "./send-amazon-notice";
export { setIncidentTaskDone } from "./set-incident-task-done";
export { updateIncident } from "./update-incident";
export { applyPlanIncidentTypes, activeIncidentTypes, type TPlanIncidentType } from "./apply-plan-incident-types";
export { userTimeZone } from "./incident-access";
export { incidentNoticeClock, incidentTaskClock, legalRequestNoticeClock } from "./clock-sources";
export { incidentNoticeRule } from "./reminder-rules/incident-amazon-notice";
export { incidentTaskRule } from "./reminder-rules/incident-task";
