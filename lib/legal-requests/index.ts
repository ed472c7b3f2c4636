import "server-only";
// Legal-process requests for Amazon's data (GS-4g): each has a 24-hour clock to inform Amazon.
export { closeLegalRequest } from "./close-legal-request";
export { createLegalRequest } from "./create-legal-request";
export { getLegalRequest } from "./get-legal-request";
export { listLegalRequests } from "./list-legal-requests";
export { recordLegalRequestNotice } from "./record-legal-request-notice";
export { sendLegalRequestNotice } from "./send-legal-request-notice";
export { legalRequestNoticeRule } from "./reminder-rules/legal-request-amazon-notice";
export { legalRequestsRegister } from "./legal-requests-register";
