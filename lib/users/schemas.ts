import { z } from "zod";
import { ROLES } from "@/lib/auth/policy";
import { PASSWORD_MAX } from "@/lib/auth/password";

export { AUDITOR_MAX_DAYS, OWN_ROLES_REASON_MIN } from "./types";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Use at most 254 characters.")
  .pipe(z.email({ message: "Enter an email address like name@example.com." }));
const displayName = z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters.");
const password = z.string().max(PASSWORD_MAX * 4, "Use at most 128 characters.");
const code = z.string().trim().min(1, "Enter the code from your authenticator app.").max(32);
const totpSecret = z.string().regex(/^[A-Z2-7]{16,64}$/, "The enrolment secret is not valid: reload the page.");
const roles = z.array(z.enum(ROLES)).min(1, "Choose at least one role.");
// A form's YYYY-MM-DD (access ends at the end of that day, UTC), or an already parsed Date:
// services parse their input again, so parsing must be idempotent.
const accessEndsAt = z
  .union([z.literal(""), z.iso.date({ message: "Enter a date." }), z.date(), z.null()])
  .optional()
  .transform((v) => (v instanceof Date ? v : v ? new Date(`${v}T23:59:59.999Z`) : null));

/** The setup form's "also security lead" checkbox ("on" when ticked, absent otherwise). */
const securityLead = z.preprocess((v) => v === true || v === "on", z.boolean());
export const ZSetup = z.object({ token: z.string().min(1), email, displayName, password, totpSecret, code, securityLead });
export type TSetup = z.infer<typeof ZSetup>;

export const ZInviteUser = z.object({ email, displayName, roles, accessEndsAt });
export type TInviteUser = z.infer<typeof ZInviteUser>;

export const ZAcceptInvitation = z.object({ token: z.string().min(1), password, totpSecret, code });
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitation>;

/** The account an administrator acts on (deactivate, reactivate, reset MFA, unlock, sign out). */
export const ZUserTarget = z.object({ userId: z.string().min(1, "Choose a user.") });
export type TUserTarget = z.infer<typeof ZUserTarget>;

/**
 * Why an administrator changes their own roles (only a lone administrator may): kept in the audit
 * event, so no lone surrogates or NULs, which PostgreSQL would store otherwise than hashed.
 */
const ownRolesReason = z.preprocess(
  (v) => v ?? "",
  z
    .string()
    .trim()
    .max(500, "Use at most 500 characters.")
    .refine((v) => !/\p{Cs}/u.test(v) && !v.includes("\0"), "Use plain text."),
);
export const ZChangeRoles = z.object({ userId: z.string().min(1), roles, accessEndsAt, reason: ownRolesReason });
export type TChangeRoles = z.infer<typeof ZChangeRoles>;

export const ZChangePassword = z.object({ currentPassword: password, code, newPassword: password });
export type TChangePassword = z.infer<typeof ZChangePassword>;

export const ZConfirmWithCode = z.object({ currentPassword: password, code });
/** Moving two-step sign-in to a new device: the current factors (a recovery code stands in for a lost device), then the new device's code. */
export const ZReenrolMfa = z.object({ currentPassword: password, code, totpSecret, newCode: code });

export const USER_SORTS = ["displayName", "email", "status", "createdAt", "lastSignInAt"] as const;
export const ZUserListQuery = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  pageSize: z.coerce.number().int().refine((n) => [10, 25, 50].includes(n)).catch(25),
  sort: z.enum(USER_SORTS).catch("displayName"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  q: z.string().trim().max(100).catch(""),
  status: z.enum(["", "invited", "active", "locked", "deactivated"]).catch(""),
  role: z.enum(["", ...ROLES]).catch(""),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;
