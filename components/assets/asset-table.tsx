"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type TServerTableFeatures, type TTablePage } from "@/components/data-table/data-table";
import { linkCell } from "@/components/data-table/link-cell";
import { ASSET_KIND_LABEL, type TAssetRow } from "@/lib/assets/types";
import { GapBadge } from "./gap-list";

const helper = createColumnHelper<TServerTableFeatures, TAssetRow>();

const holds = (r: TAssetRow) => [r.holdsAmazonInfo ? "Amazon info" : null, r.holdsPersonalData ? "Personal data" : null].filter(Boolean).join(", ") || "—";

const columns = helper.columns([
  helper.accessor("reference", { id: "reference", header: "Reference", enableSorting: false, cell: linkCell((reference) => `/assets/${reference}`) }),
  helper.accessor("name", { id: "name", header: "Name" }),
  helper.accessor("kind", { id: "kind", header: "Kind", cell: (info) => ASSET_KIND_LABEL[info.getValue()] }),
  helper.accessor("ownerName", { id: "owner", header: "Owner", enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
  helper.accessor("location", { id: "inventoryLocation", header: "Location", cell: (info) => info.getValue() ?? "—" }),
  helper.accessor((r) => holds(r), { id: "holds", header: "Holds", enableSorting: false }),
  helper.accessor("verifiedAt", { id: "inventoryVerifiedAt", header: "Last verified", cell: (info) => info.getValue()?.toISOString().slice(0, 10) ?? "Never" }),
  helper.accessor("gaps", { id: "gaps", header: "Gaps", enableSorting: false, cell: (info) => <GapBadge count={info.getValue().length} /> }),
]);

export function AssetTable(props: TTablePage<TAssetRow>) {
  return <DataTable columns={columns} noun="assets" caption="Asset inventory" {...props} />;
}
