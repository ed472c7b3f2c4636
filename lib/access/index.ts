import "server-only";
// Access governance: people, systems in scope (Vigil itself among them), accounts per system,
// credentials (metadata only), flags, leavers' 24 hours and quarterly review campaigns with
// scoped reviewers, revocations proven through tasks, sign-off and report. Types, labels,
// schemas and pure rules a client component may import are in ./types.

export * from "./types";
export { createPerson, updatePerson } from "./record-person";
export { createSystem, updateSystem } from "./record-system";
export { addAccount } from "./record-account";
export { revokeAccount } from "./revoke-account";
export { createCredential, recordRotation } from "./record-credential";
export { getAccessSettings, updateAccessSettings } from "./access-settings";
export { previewAccountImport, commitAccountImport, saveAccountImportMapping, getAccountImportMapping, getAccountImportPreview } from "./import-accounts";
export { getPerson, listPeople, listSystems, getSystem, listAccounts, listCredentials, personOptions, vigilUserOptions, systemOptions, refreshVigilAccounts } from "./list-registers";
export { listCampaigns, getCampaign, getAccessOverview } from "./campaigns-read";
export { openCampaignNow, openDueCampaign } from "./open-campaign";
export { decideAccount } from "./decide-account";
export { proveRevocation } from "./prove-revocation";
export { signOffCampaign } from "./sign-off-campaign";
export { downloadCampaignReport } from "./download-campaign-report";
export { runAccessSweep } from "./sweep";
export { accessCampaignClock, accessLeaverClock, accessRotationClock } from "./clock-source";
export { accessCampaignRule, accessLeaverRule, accessRotationRule } from "./reminder-rules/access-due";
export { MAX_IMPORT_BYTES } from "@/lib/core/csv-import/types";
export { gatherAccessFacts, accessPackFiles, ACCESS_PACK_README } from "./access-compliance";
