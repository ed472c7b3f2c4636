// The one permission policy. Permissions are named data; roles are sets of them; services call
// authorize() (lib/auth/authorize.ts) with the actor and, for scoped grants, the record. Anything not granted
// here is denied. Screens may use can() to hide controls, but the server always decides.
import type { Role as PrismaRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";

export const ROLES = ["admin", "security_lead", "responder", "privacy_officer", "auditor", "member", "access_reviewer"] as const satisfies readonly PrismaRole[];
export type Role = PrismaRole;

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  "security_lead": "Security lead",
  responder: "Responder",
  "privacy_officer": "Privacy officer",
  auditor: "Auditor",
  member: "Member",
  "access_reviewer": "Access reviewer",
};

/** kind "read" permissions only read; everything else changes something. */
export const PERMISSIONS = {
  "user.read": { kind: "read", description: "See users and their roles" },
  "user.email.read": { kind: "read", description: "See the email addresses of users" },
  "user.manage": { kind: "write", description: "Invite, deactivate, unlock users and change roles" },
  "settings.read": { kind: "read", description: "See organisation settings" },
  "settings.manage": { kind: "write", description: "Change organisation settings" },
  "mail.read": { kind: "read", description: "See the email outbox" },
  "mail.manage": { kind: "write", description: "Resend emails from the outbox" },
  "audit.read": { kind: "read", description: "Read the audit log and its verification" },
  "audit.export": { kind: "read", description: "Export the audit log" },
  "audit.checkpoint": { kind: "write", description: "Sign an audit log checkpoint" },
  "alarm.read": { kind: "read", description: "See security alarms" },
  "alarm.manage": { kind: "write", description: "Acknowledge and close alarms, open incidents from them" },
  "canary.manage": { kind: "write", description: "Mark records as canaries" },
  "incident.read": { kind: "read", description: "Read incidents (without the personal-data fields)" },
  "incident.create": { kind: "write", description: "Log a new incident" },
  "incident.update": { kind: "write", description: "Work an incident: status, timeline, tasks, comments" },
  "incident.close": { kind: "write", description: "Close an incident or mark it a false positive" },
  "incident.notify-amazon": { kind: "write", description: "Send or record the notice to Amazon; stop its 24-hour clock or move it later, with a reason" },
  "incident.catalog.manage": { kind: "write", description: "Edit incident types and severities" },
  "incident.export": { kind: "read", description: "Export incidents" },
  "legal-request.read": { kind: "read", description: "Read legal-process requests" },
  "legal-request.manage": { kind: "write", description: "Record legal-process requests and their notices" },
  "pii.read": { kind: "read", description: "Read personal data fields" },
  "pii.write": { kind: "write", description: "Enter personal data fields (without reading them back)" },
  "evidence.read": { kind: "read", description: "Read evidence metadata and custody ledgers" },
  "evidence.create": { kind: "write", description: "Add evidence items and upload files" },
  "evidence.custody": { kind: "write", description: "Record custody events: transfer, seal, release, destroy" },
  "evidence.download": { kind: "read", description: "Download evidence files" },
  "evidence.export": { kind: "read", description: "Export custody reports and evidence packages" },
  "policy.read": { kind: "read", description: "Read plans and policies, their versions and reviews" },
  "policy.write": { kind: "write", description: "Add plans and policies, edit their drafts" },
  "policy.approve": { kind: "write", description: "Approve a draft someone else wrote, publishing it as the version in force" },
  "review.read": { kind: "read", description: "Read access and plan reviews" },
  "review.manage": { kind: "write", description: "Run access and plan reviews" },
  "access.read": { kind: "read", description: "Read the access registers (people, systems, accounts, credentials) and review campaigns" },
  "access.manage": { kind: "write", description: "Maintain the access registers, import accounts, open a review campaign" },
  "access.decide": { kind: "write", description: "Decide keep, revoke or change on accounts under review and prove revocations" },
  "access.signoff": { kind: "write", description: "Sign off an access review campaign one did not review" },
  "asset.read": { kind: "read", description: "Read the asset inventory" },
  "asset.manage": { kind: "write", description: "Maintain the asset inventory" },
  "compliance.read": { kind: "read", description: "Read the compliance map" },
  "compliance.manage": { kind: "write", description: "Attest controls, manage engagements and findings" },
  "compliance.export": { kind: "read", description: "Export the compliance map, audit pack and certificates" },
  "assignment.acknowledge": { kind: "write", description: "Acknowledge what is assigned to oneself" },
} as const satisfies Record<string, { kind: "read" | "write"; description: string }>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

/** "all": every record; "assigned": only records the actor is a member of (commander, team, assignee). */
export type Grant = "all" | "assigned";

const ALL: Grant = "all";
const ASSIGNED: Grant = "assigned";

const READ_EVERYTHING_BUT_PII: Partial<Record<Permission, Grant>> = Object.fromEntries(
  ALL_PERMISSIONS.filter((p) => PERMISSIONS[p].kind === "read" && p !== "pii.read" && p !== "user.email.read" && p !== "evidence.download" && p !== "mail.read").map(
    (p) => [p, ALL],
  ),
);

export const ROLE_GRANTS: Record<Role, Partial<Record<Permission, Grant>>> = {
  admin: {
    "user.read": ALL,
    "user.email.read": ALL,
    "user.manage": ALL,
    "settings.read": ALL,
    "settings.manage": ALL,
    "mail.read": ALL,
    "mail.manage": ALL,
    "audit.read": ALL,
    "audit.export": ALL,
    "audit.checkpoint": ALL,
    "alarm.read": ALL,
    "policy.read": ALL,
    "assignment.acknowledge": ALL,
  },
  "security_lead": {
    "user.read": ALL,
    "user.email.read": ALL,
    "settings.read": ALL,
    "audit.read": ALL,
    "audit.export": ALL,
    "audit.checkpoint": ALL,
    "alarm.read": ALL,
    "alarm.manage": ALL,
    "canary.manage": ALL,
    "incident.read": ALL,
    "incident.create": ALL,
    "incident.update": ALL,
    "incident.close": ALL,
    "incident.notify-amazon": ALL,
    "incident.catalog.manage": ALL,
    "incident.export": ALL,
    "legal-request.read": ALL,
    "legal-request.manage": ALL,
    "pii.write": ALL,
    "evidence.read": ALL,
    "evidence.create": ALL,
    "evidence.custody": ALL,
    "evidence.download": ALL,
    "evidence.export": ALL,
    "policy.read": ALL,
    "policy.write": ALL,
    "policy.approve": ALL,
    "review.read": ALL,
    "review.manage": ALL,
    "access.read": ALL,
    "access.manage": ALL,
    "access.decide": ALL,
    "access.signoff": ALL,
    "asset.read": ALL,
    "asset.manage": ALL,
    "compliance.read": ALL,
    "compliance.manage": ALL,
    "compliance.export": ALL,
    "assignment.acknowledge": ALL,
  },
  responder: {
    "incident.read": ASSIGNED,
    "incident.create": ALL,
    "incident.update": ASSIGNED,
    "pii.write": ASSIGNED,
    "evidence.read": ASSIGNED,
    "evidence.create": ASSIGNED,
    "evidence.custody": ASSIGNED,
    "evidence.download": ASSIGNED,
    "asset.read": ALL,
    "policy.read": ALL,
    "assignment.acknowledge": ALL,
  },
  "privacy_officer": {
    "incident.read": ALL,
    "pii.read": ALL,
    "pii.write": ALL,
    "legal-request.read": ALL,
    "asset.read": ALL,
    "compliance.read": ALL,
    "policy.read": ALL,
    "policy.write": ALL,
    "assignment.acknowledge": ALL,
  },
  // Reads everything except personal data and evidence files; writes nothing, ever.
  auditor: READ_EVERYTHING_BUT_PII,
  member: {
    "incident.read": ASSIGNED,
    "policy.read": ALL,
    "assignment.acknowledge": ALL,
  },
  // Owners of systems who review their accounts: only the systems they own, nothing else.
  "access_reviewer": {
    "access.read": ASSIGNED,
    "access.decide": ASSIGNED,
    "policy.read": ALL,
    "assignment.acknowledge": ALL,
  },
};

/** What scoped grants are checked against: the people a record belongs to. */
export interface TScopedResource {
  memberIds: readonly string[];
}

export function grantFor(actor: Actor, permission: Permission): Grant | undefined {
  if (actor.kind === "system") return SYSTEM_GRANTS.has(permission) ? ALL : undefined;
  let best: Grant | undefined;
  for (const role of actor.roles) {
    const grant = ROLE_GRANTS[role]?.[permission];
    if (grant === ALL) return ALL;
    if (grant === ASSIGNED) best = ASSIGNED;
  }
  return best;
}

/**
 * May the actor do this? With a resource, "assigned" grants need the actor among its members;
 * without one, an "assigned" grant answers yes for "some records" (use it to show a screen,
 * then scope the query with scopeOf()).
 */
export function can(actor: Actor, permission: Permission, resource?: TScopedResource): boolean {
  if (!(permission in PERMISSIONS)) return false;
  const grant = grantFor(actor, permission);
  if (!grant) return false;
  if (grant === ALL || !resource) return true;
  return actor.kind === "user" && resource.memberIds.includes(actor.userId);
}

/**
 * Roles that together grant no write permission at all (an auditor): such sessions change
 * nothing, so the proxy answers 403 to every state-changing request they make (see proxy.ts).
 */
export function isReadOnly(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((role) => Object.keys(ROLE_GRANTS[role] ?? {}).every((p) => PERMISSIONS[p as Permission].kind === "read"));
}

/** For list queries: everything, only the actor's own records, or nothing. */
export function scopeOf(actor: Actor, permission: Permission): { kind: "all" } | { kind: "member"; userId: string } | { kind: "none" } {
  const grant = grantFor(actor, permission);
  if (grant === ALL) return { kind: "all" };
  if (grant === ASSIGNED && actor.kind === "user") return { kind: "member", userId: actor.userId };
  return { kind: "none" };
}

/** The background worker acts as "system": it may read what it must remind about, nothing else. */
const SYSTEM_GRANTS = new Set<Permission>(["incident.read", "evidence.read", "review.read", "user.read", "alarm.read", "mail.read", "mail.manage", "audit.checkpoint"]);
