import Link from "next/link";
import { AppShell } from "@/components/shell/app-shell";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { can, ROLE_LABELS } from "@/lib/auth/policy";
import { getSessionUser, requireActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";

// Every screen inside needs a signed-in, current session (checked against the user row on
// each request). Pages check again themselves: a layout is not re-rendered on client navigation.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const user = (await getSessionUser())!;
  const items = [
    ...NAV_ITEMS.filter((item) => !item.permission || can(actor, item.permission)),
    ...(can(actor, "compliance.read") ? [{ href: "/compliance", label: "Compliance" }] : []),
    // Auditors read everything and change nothing: their landing page gathers the records.
    ...(can(actor, "compliance.read") && !can(actor, "compliance.manage") ? [{ href: "/auditor", label: "Auditor portal" }] : []),
    ...(can(actor, "user.read") ? [{ href: "/settings/users", label: "Users" }] : []),
  ];
  return (
    <AppShell
      items={items}
      topbar={
        <div className="topbar-user">
          <Link href="/profile" title={user.roles.map((r) => ROLE_LABELS[r]).join(", ")}>
            {user.displayName}
          </Link>
          <form action="/api/session/sign-out" method="post">
            <button type="submit" className="button button-secondary button-small">
              Sign out
            </button>
          </form>
        </div>
      }
    >
      {children}
    </AppShell>
  );
}
