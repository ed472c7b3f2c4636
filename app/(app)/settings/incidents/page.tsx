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
        <p>
          Notices go to <strong className="mono">{settings.address}</strong>
          {settings.isDefault ? " (the address the policy names)." : `. The policy names ${settings.defaultAddress}; use another only where Amazon gave you one in writing.`}
        </p>
        {settings.canManage ? <NoticeAddressForm action={setNoticeAddressAction} address={settings.address} /> : <p className="muted">Security leads change this address.</p>}
      </section>
    </>
  );
}
