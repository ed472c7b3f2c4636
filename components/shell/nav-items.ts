import type { Permission } from "@/lib/auth/policy";

export interface NavItem {
  href: string;
  label: string;
  /** Shown only to people holding it (the page and the server check again). */
  permission?: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Dashboard" },
  { href: "/incidents", label: "Incidents", permission: "incident.read" },
  { href: "/legal-requests", label: "Legal requests", permission: "legal-request.read" },
  { href: "/evidence", label: "Evidence", permission: "evidence.read" },
  { href: "/plans", label: "Plans and policies", permission: "policy.read" },
  { href: "/access", label: "Access reviews", permission: "access.read" },
  { href: "/assets", label: "Assets", permission: "asset.read" },
  { href: "/audit-log", label: "Audit log", permission: "audit.read" },
  { href: "/settings", label: "Settings" },
];

export function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
