// Vigil's catalog of Data Protection Policy controls, in its own words: one per clause of the
// policy (version of January 2021) and of its revision of 11 November 2025. Every record in
// Vigil links to the controls it serves; the compliance map shows each control's status.

export type TPolicyVersion = "2021" | "2025";

/**
 * How a control's status is known:
 * - records: Vigil measures it from its own records in the control's period (incidents, notices,
 *   evidence, alarms). Met only by records in the period; an empty period is "no evidence yet",
 *   which a named person may attest as "none occurred";
 * - computed: Vigil derives it from its own audit log and settings;
 * - shared: the clause covers every system that holds Amazon Information. Vigil shows its own
 *   setting as part of the evidence; the other systems need a module (`module`), so the control
 *   is not tracked until they are recorded;
 * - assets: computed from the asset inventory's records (lib/assets): assets, devices, records of
 *   processing, retention rules and purge attestations; nothing recorded is "no evidence yet";
 * - attested: a named person attests it, signing with their password and code;
 * - module: Vigil will track it in a module this version does not have yet ("not tracked yet");
 * - informational: nothing to comply with (a change of wording).
 */
export type TControlBasis = "records" | "computed" | "shared" | "plans" | "assets" | "attested" | "module" | "informational";

/** The window a control is measured over: records older than this do not count. */
export interface TControlPeriod {
  days: number;
  /** In words, as screens say it: "12 months", "90 days". */
  label: string;
}

export interface TControl {
  id: string;
  section: "General security" | "Personally identifiable information" | "Audit and records" | "November 2025 revision";
  title: string;
  requirement: string;
  /** Which versions of the policy contain this control. */
  versions: readonly TPolicyVersion[];
  basis: TControlBasis;
  /** The period it is measured over (records, reviews, renewal); none for wording only. */
  period: TControlPeriod | null;
  /** For basis "module" and "shared": the module that will track it (for "shared": the other systems). */
  module?: string;
  /** For basis "records", "computed", "shared", "plans" and "assets": what Vigil checks. */
  check?: string;
}

const MONTHS_12: TControlPeriod = { days: 365, label: "12 months" };
const MONTHS_6: TControlPeriod = { days: 183, label: "6 months" };
const DAYS_90: TControlPeriod = { days: 90, label: "90 days" };
const DAYS_30: TControlPeriod = { days: 30, label: "30 days" };
const DAY_1: TControlPeriod = { days: 1, label: "24 hours" };
/**
 * GS-4d: every stored file re-verified within the evidence module's integrity cycle
 * (VIGIL_INTEGRITY_CYCLE_HOURS, 24 by default); the map reads the configured cycle from its facts.
 */
const INTEGRITY_CYCLE: TControlPeriod = { days: 1, label: "the integrity cycle" };

const BOTH: readonly TPolicyVersion[] = ["2021", "2025"];
const REVISION: readonly TPolicyVersion[] = ["2025"];

export const CONTROLS: readonly TControl[] = [
  { id: "GS-1", section: "General security", title: "Network protection", requirement: "Deny unauthorised IP addresses; public access only for approved users; network controls registered and verified.", versions: BOTH, basis: "assets", period: MONTHS_12, check: "Every network control in the asset inventory verified in the last 12 months (Assets)." },
  { id: "GS-2a", section: "General security", title: "Unique accounts", requirement: "One ID per person; no generic, shared or default accounts.", versions: BOTH, basis: "shared", period: DAYS_90, module: "Access governance", check: "Vigil's own accounts: each belongs to one named person (unique email, no default account) and uses MFA. Other systems' accounts: the access governance register." },
  { id: "GS-2b", section: "General security", title: "Quarterly access reviews", requirement: "A baseline of required accounts; review people and services with access at least every quarter; remove those no longer needed.", versions: BOTH, basis: "module", period: DAYS_90, module: "Access reviews" },
  { id: "GS-2c", section: "General security", title: "No Amazon data on personal devices", requirement: "Amazon Information is not stored on personal devices.", versions: BOTH, basis: "assets", period: MONTHS_12, check: "No device holding Amazon Information is personal or of unrecorded ownership (Assets: devices)." },
  { id: "GS-2d", section: "General security", title: "Lockout and anomaly detection", requirement: "Accounts lock after repeated failed log-ins; anomalous usage and log-in attempts are detected.", versions: BOTH, basis: "shared", period: DAYS_90, module: "Access governance", check: "Vigil's own lockout setting and its alarms on repeated failures. Other systems' lockout and anomaly detection: the access governance register." },
  { id: "GS-3", section: "General security", title: "Encryption in transit", requirement: "Encrypt data in transit everywhere; disable unencrypted channels.", versions: BOTH, basis: "assets", period: MONTHS_12, check: "Every asset's channels at TLS 1.2 or later; assets holding Amazon Information or personal data have their minimum TLS recorded (Assets)." },
  { id: "GS-4a", section: "General security", title: "Incident response plan", requirement: "A plan with roles, incident types, procedures per type and the escalation path to Amazon.", versions: BOTH, basis: "plans", period: MONTHS_12, check: "An approved incident response plan is in force (Plans and policies), naming the IMPOC and the incident commander, with incident types offered." },
  { id: "GS-4b", section: "General security", title: "Plan reviews", requirement: "Review the plan every 6 months and after any major infrastructure or system change.", versions: BOTH, basis: "plans", period: MONTHS_6, check: "The plan's review is not overdue: six months after the last review or first approval, sooner after a major change; no tabletop exercise overdue." },
  { id: "GS-4c", section: "General security", title: "Incidents investigated and documented", requirement: "Every incident has a description, remediation actions and corrective controls.", versions: BOTH, basis: "records", period: MONTHS_12, check: "Every incident closed in the period records description, root cause, remediation and corrective controls." },
  { id: "GS-4d", section: "General security", title: "Chain of custody", requirement: "Chain of custody for all evidence and records, available to Amazon on request.", versions: BOTH, basis: "records", period: INTEGRITY_CYCLE, check: "Every evidence item's custody ledger is intact, and every stored file matched its hash at a check within the integrity cycle." },
  { id: "GS-4e", section: "General security", title: "Amazon notified within 24 hours", requirement: "Notify Amazon within 24 hours of detecting a security incident.", versions: BOTH, basis: "records", period: MONTHS_12, check: "Every incident detected in the period that involved Amazon Information was notified within 24 hours of detection." },
  { id: "GS-4f", section: "General security", title: "No notifications on Amazon's behalf", requirement: "Regulators and customers are not notified on Amazon's behalf unless Amazon asks in writing.", versions: BOTH, basis: "records", period: MONTHS_12, check: "Every third-party notification of the period names Amazon's written approval or a legal obligation." },
  { id: "GS-4g", section: "General security", title: "Legal process disclosed within 24 hours", requirement: "Inform Amazon within 24 hours when its data is sought by legal process.", versions: BOTH, basis: "records", period: MONTHS_12, check: "Every legal-process request received in the period was notified to Amazon within 24 hours of receipt." },
  { id: "GS-5a", section: "General security", title: "Deletion within 72 hours", requirement: "Delete or return Amazon Information within 72 hours of Amazon's request, per NIST SP 800-88.", versions: BOTH, basis: "module", period: MONTHS_12, module: "Deletion requests" },
  { id: "GS-5b", section: "General security", title: "Live instances deleted within 90 days", requirement: "Delete all live instances within 90 days; certify destruction in writing on request.", versions: BOTH, basis: "module", period: MONTHS_12, module: "Deletion requests" },
  { id: "PII-1a", section: "Personally identifiable information", title: "PII retention", requirement: "Keep PII no longer than 30 days after shipment, or as tax law requires.", versions: BOTH, basis: "assets", period: DAYS_30, check: "Each data store with personal data has a retention rule within 30 days after shipment (or a law it names), and its purges are attested on schedule (Assets: retention)." },
  { id: "PII-1b", section: "Personally identifiable information", title: "Encrypted offline archives", requirement: "Archived copies kept cold or offline and encrypted; PII recoverable.", versions: BOTH, basis: "module", period: MONTHS_12, module: "Backup register" },
  { id: "PII-2a", section: "Personally identifiable information", title: "Privacy and data-handling policy", requirement: "A written privacy and data-handling policy.", versions: BOTH, basis: "plans", period: MONTHS_12, check: "An approved privacy and data-handling policy is in force (Plans and policies), its review not overdue." },
  { id: "PII-2b", section: "Personally identifiable information", title: "Asset inventory", requirement: "An inventory of software and physical assets with access to PII, updated regularly.", versions: BOTH, basis: "assets", period: DAYS_90, check: "The asset inventory is recorded and its periodic review (every three months by default) is not overdue (Assets)." },
  { id: "PII-2c", section: "Personally identifiable information", title: "Record of processing", requirement: "Each PII field: how it is collected, processed, stored, used, shared and disposed of.", versions: BOTH, basis: "assets", period: MONTHS_12, check: "Every personal-data field an asset holds has a record of processing (Assets: records of processing)." },
  { id: "PII-2d", section: "Personally identifiable information", title: "Data subject rights", requirement: "Consent and the rights to access, rectify, erase and stop processing.", versions: BOTH, basis: "module", period: MONTHS_12, module: "Data-subject requests" },
  { id: "PII-3", section: "Personally identifiable information", title: "PII encrypted at rest", requirement: "PII encrypted at rest (AES-128/256 or RSA-2048+); keys only for the developer's processes; no removable media or public links.", versions: BOTH, basis: "assets", period: MONTHS_12, check: "Every asset holding personal data is encrypted at rest (AES-128/256 or RSA-2048+) with key management; devices with Amazon Information have disk encryption (Assets)." },
  { id: "PII-4", section: "Personally identifiable information", title: "Least privilege for PII", requirement: "Fine-grained least privilege; PII features under a unique role, on a need-to-know basis.", versions: BOTH, basis: "shared", period: DAYS_90, module: "Access governance and asset inventory", check: "Vigil's own roles: only the privacy-officer role reads personal data, held by named people. Other systems: the access governance register and the asset inventory." },
  { id: "PII-5a", section: "Personally identifiable information", title: "Security event logging", requirement: "Log security events on all channels: access and authorisation, intrusion attempts, configuration changes.", versions: BOTH, basis: "computed", period: DAY_1, check: "Vigil's audit log records sign-ins, denials, sensitive reads and every change." },
  { id: "PII-5b", section: "Personally identifiable information", title: "Tamper-proof logs kept 90 days", requirement: "Logs access-controlled, tamper-proof, kept at least 90 days, without PII.", versions: BOTH, basis: "computed", period: DAY_1, check: "The audit chain verifies intact and retention is at least 90 days (12 months under the 2025 revision)." },
  { id: "PII-5c", section: "Personally identifiable information", title: "Monitoring and alarms", requirement: "Alarms on repeated unauthorised calls, unusual request rates or retrieval volumes, canary records.", versions: BOTH, basis: "records", period: MONTHS_12, check: "Alarm rules run on Vigil's own log; the alarms of the period were acknowledged within 24 hours." },
  { id: "A-1", section: "Audit and records", title: "Books and records", requirement: "Keep the records that show compliance during the agreement and 12 months after; certify compliance in writing on request.", versions: BOTH, basis: "attested", period: MONTHS_12 },
  { id: "A-2", section: "Audit and records", title: "Audits and remediation", requirement: "Amazon or its auditor may inspect; deficiencies are remediated on a timeline.", versions: BOTH, basis: "attested", period: MONTHS_12 },
  { id: "R25-1", section: "November 2025 revision", title: "“Solution Provider” wording", requirement: "“Developer” becomes “Solution Provider”.", versions: REVISION, basis: "informational", period: null },
  { id: "R25-2", section: "November 2025 revision", title: "Anti-malware on end-user devices", requirement: "Anti-malware on end-user devices, with controls that stop it being disabled.", versions: REVISION, basis: "assets", period: MONTHS_12, check: "Every device holding Amazon Information runs anti-malware that is tamper-protected (Assets: devices)." },
  { id: "R25-3", section: "November 2025 revision", title: "Lockout after at most 10 attempts", requirement: "Accounts lock after at most 10 unsuccessful log-in attempts.", versions: REVISION, basis: "shared", period: DAYS_90, module: "Access governance", check: "Vigil's own lockout threshold (at most 10). Other systems' thresholds: the access governance register." },
  { id: "R25-4", section: "November 2025 revision", title: "Password history and key rotation", requirement: "Refuse the last 10 passwords; rotate API keys.", versions: REVISION, basis: "module", period: DAYS_90, module: "Credential register" },
  { id: "R25-5", section: "November 2025 revision", title: "TLS 1.2+ and key management", requirement: "TLS 1.2 or later; keys in a key management system.", versions: REVISION, basis: "assets", period: MONTHS_12, check: "Every asset holding Amazon Information or personal data accepts TLS 1.2 or later only and keeps its keys in a KMS (Assets)." },
  { id: "R25-6", section: "November 2025 revision", title: "Incident point of contact", requirement: "A named, readily available Incident Management Point of Contact.", versions: REVISION, basis: "plans", period: MONTHS_12, check: "The incident response plan names an IMPOC with email (Plans and policies)." },
  { id: "R25-7", section: "November 2025 revision", title: "Non-PII data deleted within 18 months", requirement: "Non-PII Amazon data deleted within 18 months unless law requires longer.", versions: REVISION, basis: "assets", period: MONTHS_12, check: "Non-PII Amazon data is kept no longer than 18 months (or a law it names), with purges attested on schedule (Assets: retention)." },
  { id: "R25-8", section: "November 2025 revision", title: "Logs kept 12 months", requirement: "Logs retained at least 12 months.", versions: REVISION, basis: "computed", period: DAY_1, check: "Vigil's audit log retention is at least 365 days." },
  { id: "R25-9", section: "November 2025 revision", title: "Vulnerability deadlines", requirement: "Critical vulnerabilities fixed within 7 days of discovery, high within 30.", versions: REVISION, basis: "module", period: DAYS_30, module: "Vulnerability register" },
  { id: "R25-10", section: "November 2025 revision", title: "Geographically dispersed backups", requirement: "Backups kept in more than one region.", versions: REVISION, basis: "module", period: MONTHS_12, module: "Backup register" },
  { id: "R25-11", section: "November 2025 revision", title: "Audits by affiliates and contractors", requirement: "Audit cooperation extends to Amazon's affiliates, agents and contractors.", versions: REVISION, basis: "attested", period: MONTHS_12 },
  { id: "R25-12", section: "November 2025 revision", title: "Subcontractors meet the policy", requirement: "Subcontractors that handle the data must meet the policy.", versions: REVISION, basis: "module", period: MONTHS_12, module: "Subcontractor register" },
];

export function controlsFor(version: TPolicyVersion): TControl[] {
  return CONTROLS.filter((c) => c.versions.includes(version));
}

export function findControl(id: string): TControl | undefined {
  return CONTROLS.find((c) => c.id === id);
}
