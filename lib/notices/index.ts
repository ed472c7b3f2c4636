import "server-only";
// Notices to Amazon (DPP GS-4e, GS-4g), for incidents and legal-process requests alike: the
// address they go to, sending through Vigil's mail (queued in the caller's transaction,
// delivered after the commit, given only once the mail server accepted it), recording one
// given another way, and listing them with their proof of delivery.
export { amazonNoticeAddress, noticeContact } from "./notice-address";
export { getNoticeSettings } from "./get-notice-settings";
export { listNotices } from "./list-notices";
export { recordNotice } from "./record-notice";
export { sendNotice } from "./send-notice";
export { setAmazonNoticeAddress } from "./set-amazon-notice-address";
export { noticeDeliveryOutcome } from "./notice-delivery";
export { pendingNoticeStates } from "./pending-notice-states";
export { noticesCsv, NOTICE_COLUMNS } from "./notices-csv";
export { mailServerConfigured as noticeMailConfigured } from "@/lib/mail";
export { NOTICE_EMAIL_TEMPLATE } from "./types";
export { SENT_AT_MISSING, recordedSentAtErrors } from "./notice-rules";
export { noticeReminderRecipients } from "./notice-reminder-recipients";
export { noticeAuditEvent } from "./notice-audit";
