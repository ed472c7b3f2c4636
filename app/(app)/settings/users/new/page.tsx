import { PageHeader } from "@/components/ui/page-header";
import { InviteForm } from "@/components/users/invite-form";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { ROLE_LABELS, ROLES } from "@/lib/auth/policy";
import { inviteUserAction } from "../actions";
import styles from "@/components/users/users.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invite a user" };

export default async function InviteUserPage() {
  await requirePagePermission("user.manage");
  return (
    <>
      <PageHeader title="Invite a user" description="The person sets their own password and authenticator with a one-time link valid for 72 hours." />
      <section className={`card ${styles.narrow}`}>
        <InviteForm action={inviteUserAction} roles={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      </section>
    </>
  );
}
