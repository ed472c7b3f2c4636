import { NoticeAddressForm } from "@/components/notices/notice-address-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { getNoticeSettings } from "@/lib/notices";
import { setNoticeAddressAction } from "./actions";
import styles from "./page.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Notices to Amazon" };

export default async function IncidentSettingsPage() {
  const actor = await requirePagePermission("incident.read");
  const settings = await getNoticeSettings(actor);
  return (
    <>
      <PageHeader
        title="Notices to Amazon"
        description="Where Vigil sends the 24-hour notice about a security incident and the notice about a legal-process request (DPP GS-4e and GS-4g)."
      />
      <section className={`card ${styles.narrow}`} aria-labelledby="address-heading">
        <h2 id="address-heading">Amazon&apos;s security address</h2>
        <p data-testid="notice-address">
          Notices go to <strong className="mono">{settings.address}</strong>.
        </p>
        <p className="muted" data-testid="notice-address-why">
          {settings.isDefault
            ? `This is the address named for incident notices under the policy version you follow, the ${settings.policyLabel} (effective ${settings.effectiveDates.join(" / ")}): it comes from ${settings.policyAddressSource}.`
            : `Your organisation set this address; it overrides ${settings.defaultAddress}, the address named under the ${settings.policyLabel} you follow. Use another address only where Amazon gave you one in writing.`}{" "}
          The policy version is chosen on the compliance page.
        </p>
        {settings.mailServerConfigured ? null : (
          <p className="alert alert-error" role="status">
            No mail server is configured: a notice sent through Vigil is only held in the outbox and does not reach Amazon.
          </p>
        )}
        {settings.canManage ? <NoticeAddressForm action={setNoticeAddressAction} address={settings.address} /> : <p className="muted">Security leads change this address.</p>}
      </section>
    </>
  );
}
