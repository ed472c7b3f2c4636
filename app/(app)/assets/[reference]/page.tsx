import Link from "next/link";
import { notFound } from "next/navigation";
import { AssetForm, RetireAssetForm } from "@/components/assets/asset-forms";
import { GapList } from "@/components/assets/gap-list";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import {
  ASSET_KIND_LABEL,
  AT_REST_LABEL,
  DEVICE_OWNERSHIP_LABEL,
  KEY_MANAGEMENT_LABEL,
  RETENTION_CATEGORY_LABEL,
  TLS_LABEL,
  getAsset,
  listOwnerOptions,
  yesNo,
  type TAssetDetail,
} from "@/lib/assets";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { isAppError } from "@/lib/errors";
import { retireAssetAction, updateAssetAction } from "../actions";
import styles from "@/components/assets/assets.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: (await params).reference };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export default async function AssetPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const actor = await requirePagePermission("asset.read");
  let asset: TAssetDetail;
  try {
    asset = await getAsset(actor, reference);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const canEdit = can(actor, "asset.manage") && asset.kind !== "system" && !asset.retiredAt;
  const owners = canEdit ? (await listOwnerOptions(actor)).map((o) => ({ value: o.id, label: o.name })) : [];
  const device = asset.kind === "device";
  return (
    <>
      <PageHeader
        title={asset.name}
        description={`${asset.reference} · ${ASSET_KIND_LABEL[asset.kind]}${asset.retiredAt ? ` · retired on ${day(asset.retiredAt)}` : ""}`}
        actions={
          <Link className="button button-secondary" href="/assets">
            All assets
          </Link>
        }
      />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Facts</h2>
          <dl className="kv">
            <dt>Owner</dt>
            <dd>{asset.ownerName ?? "No owner yet"}</dd>
            <dt>Location or region</dt>
            <dd>{asset.location ?? "Not recorded"}</dd>
            <dt>Amazon Information</dt>
            <dd>{asset.holdsAmazonInfo ? "Yes" : "No"}</dd>
            <dt>Personal data</dt>
            <dd>{asset.holdsPersonalData ? `Yes${asset.personalDataFields.length ? `: ${asset.personalDataFields.join(", ")}` : ""}` : "No"}</dd>
            <dt>Encryption at rest</dt>
            <dd>{asset.atRestAlgorithm ? AT_REST_LABEL[asset.atRestAlgorithm] : "Not recorded"}</dd>
            <dt>Key management</dt>
            <dd>{asset.atRestKeyManagement ? KEY_MANAGEMENT_LABEL[asset.atRestKeyManagement] : "Not recorded"}</dd>
            <dt>Minimum TLS</dt>
            <dd>{asset.inTransitMinTls ? TLS_LABEL[asset.inTransitMinTls] : "Not recorded"}</dd>
            {device ? (
              <>
                <dt>Ownership</dt>
                <dd>{asset.deviceOwnership ? DEVICE_OWNERSHIP_LABEL[asset.deviceOwnership] : "Not recorded"}</dd>
                <dt>Disk encryption</dt>
                <dd>{yesNo(asset.diskEncrypted)}</dd>
                <dt>Anti-malware</dt>
                <dd>
                  {yesNo(asset.antiMalwareInstalled)}
                  {asset.antiMalwareInstalled ? `, tamper-protected: ${yesNo(asset.antiMalwareTamperProof).toLowerCase()}` : ""}
                </dd>
              </>
            ) : null}
            <dt>Last verified</dt>
            <dd>{asset.verifiedAt ? `${day(asset.verifiedAt)} by ${asset.verifiedByName}` : "Never"}</dd>
          </dl>
          {asset.description ? <p className="pre">{asset.description}</p> : null}
        </section>
        <section className="card" aria-labelledby="gaps-heading">
          <h2 id="gaps-heading">Gaps</h2>
          <GapList gaps={asset.gaps} label="Gaps of this asset" />
          <h3>Retention rules</h3>
          {asset.retentionRules.length ? (
            <ul className="link-list">
              {asset.retentionRules.map((r) => (
                <li key={r.reference}>
                  <Link href={`/assets/retention#${r.reference}`}>{r.reference}</Link> {RETENTION_CATEGORY_LABEL[r.category]}: {r.keepDays} days; next purge due {day(r.nextPurgeDueOn)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None.</p>
          )}
          <h3>Records of processing</h3>
          {asset.processingRecords.length ? (
            <ul className="link-list">
              {asset.processingRecords.map((r) => (
                <li key={r.reference}>
                  <Link href={`/assets/processing#${r.reference}`}>{r.reference}</Link> {r.dataField}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None stored here.</p>
          )}
        </section>
      </div>
      {asset.kind === "system" ? <p className={`muted ${styles.gapAbove}`}>Systems are maintained in access governance; the inventory shows them with their gaps.</p> : null}
      {canEdit ? (
        <div className={`disclosures ${styles.gapAbove}`}>
          <details className="disclosure">
            <summary>Change this asset</summary>
            <AssetForm action={updateAssetAction.bind(null, asset.reference)} owners={owners} asset={asset} submitLabel="Save changes" />
          </details>
          <details className="disclosure">
            <summary>Retire this asset</summary>
            <RetireAssetForm action={retireAssetAction.bind(null, asset.reference)} />
          </details>
        </div>
      ) : null}
      <section className={`card ${styles.gapAbove}`} aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <SimpleTable
          rows={asset.history}
          rowKey={(h) => `${h.at.toISOString()}-${h.action}`}
          empty="No history."
          columns={[
            { header: "When (UTC)", nowrap: true, cell: (h) => h.at.toISOString().slice(0, 16).replace("T", " ") },
            { header: "Who", cell: (h) => h.actorName },
            { header: "What", cell: (h) => h.action },
            { header: "Fields", wide: true, cell: (h) => h.fields.join(", ") || "—" },
          ]}
        />
      </section>
    </>
  );
}
