// Row and view types of accounts, and their labels, for services and screens alike.
import type { Role } from "@/lib/auth/policy";

export type TUserStatus = "invited" | "active" | "locked" | "deactivated";

/** The one label of each account status, on every screen and export. */
export const USER_STATUS_LABELS: Record<TUserStatus, string> = {
  invited: "Invited",
  active: "Active",
  locked: "Locked",
  deactivated: "Deactivated",
};

export interface TUserRow {
  id: string;
  displayName: string;
  /** Null for people who may not see email addresses (auditors): names and roles only. */
  email: string | null;
  roles: Role[];
  status: TUserStatus;
  createdAt: string;
  lastSignInAt: string | null;
  accessEndsAt: string | null;
}

export interface TUserDetail extends TUserRow {
  mfaEnrolled: boolean;
  lockedUntil: string | null;
  failedSignIns: number;
  deactivatedAt: string | null;
  invitationPending: boolean;
}

/** The longest an auditor account may stay open, in days. */
export const AUDITOR_MAX_DAYS = 90;

/** A lone administrator changing their own roles says why in at least this many characters. */
export const OWN_ROLES_REASON_MIN = 20;
