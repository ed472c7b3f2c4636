import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { can, type Permission } from "@/lib/auth/policy";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings" };

const SECTIONS: { href: string; title: string; description: string; permission?: Permission }[] = [
  { href: "/settings/users", title: "Users and roles", description: "Invite people, change roles, unlock, reset two-step sign-in, deactivate.", permission: "user.read" },
  { href: "/settings/mail", title: "Email outbox", description: "Every email Vigil sent or holds, with delivery attempts; resend.", permission: "mail.read" },
  { href: "/settings/incidents", title: "Notices to Amazon", description: "The address the 24-hour incident notice and legal-request notices go to.", permission: "incident.read" },
  { href: "/incidents/types", title: "Incident types", description: "The catalog of incident types with their procedures and escalation paths.", permission: "incident.catalog.manage" },
  { href: "/audit-log/verify", title: "Audit log verification", description: "Verify the chain, sign checkpoints, set retention.", permission: "audit.read" },
  { href: "/settings/notifications", title: "My notifications", description: "Receive reminders at once or as a daily digest." },
  { href: "/profile", title: "My account", description: "Password, recovery codes, sign out everywhere." },
];

export default async function SettingsPage() {
  const actor = await requireActor();
  const visible = SECTIONS.filter((s) => !s.permission || can(actor, s.permission));
  return (
    <>
      <PageHeader title="Settings" description="Organisation settings and your own account." />
      <div className="grid grid-2">
        {visible.map((s) => (
          <Link key={s.href} href={s.href} className="card settings-link">
            <h2>{s.title}</h2>
            <p className="muted flush-block">
              {s.description}
            </p>
          </Link>
        ))}
      </div>
    </>
  );
}
