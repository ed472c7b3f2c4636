import "server-only";
// The users module's public entry point for other domains, app/ and the reminder registry.
export { acceptInvitation, getInvitation } from "./accept-invitation";
export { changePassword } from "./change-password";
export { changeUserRoles } from "./change-user-roles";
export { completeSetup, isSetupTokenValid } from "./complete-setup";
// The re-check of a signed-in person's current password and code, for other modules that need a signature.
export { RECHECK_FAILED, verifyCurrentCredentials } from "./credentials";
export { deactivateUser } from "./deactivate-user";
export { getProfile } from "./get-profile";
export { inviteUser, inviteUserInTransaction, issueEnrolmentLink } from "./invite-user";
export { getUser, listUsers } from "./list-users";
export { reactivateUser } from "./reactivate-user";
export { reenrolMfa } from "./reenrol-mfa";
export { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
export { resetUserMfa } from "./reset-user-mfa";
export { endSession } from "./sign-out";
export { signOutEverywhere } from "./sign-out-everywhere";
export { unlockUser } from "./unlock-user";
export { invitationNotAcceptedRule } from "./reminder-rules/invitation-not-accepted";
