import "server-only";
// Notices to Amazon (DPP GS-4e, GS-4g), for incidents and legal-process requests alike: the
// address they go to, sending through Vigil's mail (queued in the caller's transaction,
// delivered after the commit), recording one sent another way, and listing them.
export { amazonNoticeAddress, noticeContact } from "./notice-address";
export { getNoticeSettings } from "./get-notice-settings";
export { listNotices } from "./list-notices";
export { recordNotice } from "./record-notice";
export { sendNotice } from "./send-notice";
export { setAmazonNoticeAddress } from "./set-amazon-notice-address";
export { SENT_AT_MISSING, recordedSentAtErrors } from "./notice-rules";
export { noticeReminderRecipients } from "./notice-reminder-recipients";
export { noticeAuditEvent } from "./notice-audit";
