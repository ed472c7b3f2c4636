"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type TServerTableFeatures, type TTablePage } from "@/components/data-table/data-table";
import { linkCell } from "@/components/data-table/link-cell";
import { ACCOUNT_KIND_LABELS, ACCOUNT_STATUS_LABELS, CREDENTIAL_KIND_LABELS, PERSON_KIND_LABELS, type TAccountRowView, type TCredentialRow, type TPersonRow, type TSystemRow } from "@/lib/access/types";
import { DUE_STATE_LABELS } from "@/lib/core/clocks/types";
import { AccountFlags, SystemFlags } from "./flags";
import { DUE_BADGE, utcMinute, yesNo } from "./labels";
import styles from "./access.module.css";

const people = createColumnHelper<TServerTableFeatures, TPersonRow>();
const personColumns = people.columns([
  people.accessor("reference", { id: "reference", header: "Reference", enableSorting: false, cell: linkCell((r) => `/access/people/${r}`) }),
  people.accessor("displayName", { id: "displayName", header: "Name" }),
  people.accessor("kind", { id: "kind", header: "Kind", enableSorting: false, cell: (i) => PERSON_KIND_LABELS[i.getValue()] }),
  people.accessor("jobTitle", { id: "jobTitle", header: "Job title", enableSorting: false, cell: (i) => i.getValue() ?? "" }),
  people.accessor("managerName", { id: "manager", header: "Manager", enableSorting: false, cell: (i) => i.getValue() ?? "" }),
  people.accessor("userName", { id: "user", header: "Vigil account", enableSorting: false, cell: (i) => i.getValue() ?? "None" }),
  people.accessor("endsOn", {
    id: "endsOn",
    header: "Ends",
    cell: (i) => {
      const r = i.row.original;
      if (!r.endsOn) return "";
      return r.hasLeft ? <span className={r.activeAccounts ? "badge badge-danger" : "badge badge-neutral"}>Left {r.endsOn}</span> : r.endsOn;
    },
  }),
  people.accessor("activeAccounts", { id: "accounts", header: "Active accounts", enableSorting: false }),
]);

export function PeopleTable(props: TTablePage<TPersonRow>) {
  return <DataTable columns={personColumns} noun="people" caption="People" {...props} />;
}

const systems = createColumnHelper<TServerTableFeatures, TSystemRow>();
const systemColumns = systems.columns([
  systems.accessor("reference", { id: "reference", header: "Reference", enableSorting: false, cell: linkCell((r) => `/access/systems/${r}`) }),
  systems.accessor("name", { id: "name", header: "System" }),
  systems.accessor("ownerName", { id: "owner", header: "Owner (reviewer)", enableSorting: false, cell: (i) => i.getValue() ?? <span className="badge badge-warn">No owner</span> }),
  systems.accessor("activeAccounts", { id: "accounts", header: "Accounts", enableSorting: false }),
  systems.accessor("flaggedAccounts", { id: "flagged", header: "Flagged", enableSorting: false, cell: (i) => (i.getValue() ? <span className="badge badge-warn">{i.getValue()}</span> : "0") }),
  systems.accessor("flags", { id: "flags", header: "Sign-in settings", enableSorting: false, cell: (i) => <SystemFlags flags={i.getValue()} /> }),
]);

export function SystemsTable(props: TTablePage<TSystemRow>) {
  return <DataTable columns={systemColumns} noun="systems" caption="Systems in scope" {...props} />;
}

const accounts = createColumnHelper<TServerTableFeatures, TAccountRowView>();
const accountColumns = accounts.columns([
  accounts.accessor("identifier", { id: "identifier", header: "Account", cell: (i) => <span className={`mono ${styles.wrap}`}>{i.getValue()}</span> }),
  accounts.accessor("kind", { id: "kind", header: "Kind", enableSorting: false, cell: (i) => ACCOUNT_KIND_LABELS[i.getValue()] }),
  accounts.accessor("personName", { id: "person", header: "Person", enableSorting: false, cell: (i) => (i.getValue() ?? "Unknown") + (i.row.original.alsoUsedBy ? ` and ${i.row.original.alsoUsedBy} more` : "") }),
  accounts.accessor("privileges", { id: "privileges", header: "Privileges", enableSorting: false, cell: (i) => i.getValue() ?? "" }),
  accounts.accessor("lastUsedAt", { id: "lastUsedAt", header: "Last used", cell: (i) => <span className={styles.nowrap}>{utcMinute(i.getValue()) || "Never"}</span> }),
  accounts.accessor("mfa", { id: "mfa", header: "MFA", enableSorting: false, cell: (i) => yesNo(i.getValue()) }),
  accounts.accessor("flags", { id: "flags", header: "Flags", enableSorting: false, cell: (i) => <AccountFlags flags={i.getValue()} /> }),
  accounts.accessor("status", {
    id: "status",
    header: "Status",
    enableSorting: false,
    cell: (i) => {
      const r = i.row.original;
      if (r.status === "revoked") return <span className={r.revokedLate ? "badge badge-danger" : "badge badge-neutral"}>{r.revokedLate ? "Revoked late" : "Revoked"}</span>;
      return r.revocationDueAt ? <span className="badge badge-warn">Revocation due {utcMinute(r.revocationDueAt)}</span> : ACCOUNT_STATUS_LABELS[r.status];
    },
  }),
]);

export function AccountsTable(props: TTablePage<TAccountRowView>) {
  return <DataTable columns={accountColumns} noun="accounts" caption="Accounts" footnote="Times in UTC." {...props} />;
}

const credentials = createColumnHelper<TServerTableFeatures, TCredentialRow>();
const credentialColumns = credentials.columns([
  credentials.accessor("reference", { id: "reference", header: "Reference", enableSorting: false, cell: (i) => <span className="mono">{i.getValue()}</span> }),
  credentials.accessor("name", { id: "name", header: "Credential" }),
  credentials.accessor("kind", { id: "kind", header: "Kind", enableSorting: false, cell: (i) => CREDENTIAL_KIND_LABELS[i.getValue()] }),
  credentials.accessor("systemName", { id: "system", header: "System", enableSorting: false }),
  credentials.accessor("ownerName", { id: "owner", header: "Owner", enableSorting: false, cell: (i) => i.getValue() ?? "None" }),
  credentials.accessor("fingerprint", { id: "fingerprint", header: "Fingerprint", enableSorting: false, cell: (i) => <span className={`mono ${styles.wrap}`}>{i.getValue() ?? ""}</span> }),
  credentials.accessor("lastRotatedOn", { id: "lastRotatedOn", header: "Last rotated", enableSorting: false, cell: (i) => i.getValue() ?? "Never" }),
  credentials.accessor("nextRotationDueOn", {
    id: "nextRotationDueOn",
    header: "Next rotation",
    cell: (i) => {
      const r = i.row.original;
      return (
        <span className={styles.nowrap}>
          {r.nextRotationDueOn} <span className={DUE_BADGE[r.dueState]}>{r.dueState === "on-time" ? r.dueText : DUE_STATE_LABELS[r.dueState]}</span>
        </span>
      );
    },
  }),
]);

export function CredentialsTable(props: TTablePage<TCredentialRow>) {
  return <DataTable columns={credentialColumns} noun="credentials" caption="Credentials" {...props} />;
}
