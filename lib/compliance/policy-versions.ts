// The versions of Amazon's Data Protection Policy Vigil knows, with their effective dates and
// the address each names for incident notices. Pure: screens and other modules read it.
import type { TPolicyVersion } from "./catalog";

/** The setting that holds the version an organisation is measured against (default: the revision). */
export const POLICY_VERSION_SETTING = "compliance.policyVersion";
export const DEFAULT_POLICY_VERSION: TPolicyVersion = "2025";

export interface TPolicyVersionInfo {
  version: TPolicyVersion;
  label: string;
  /**
   * When the version took effect, as Amazon announced it. The November 2025 revision was
   * announced with two dates: 11 November 2025 (English changelog) and 25 November 2025
   * (other language versions); both are kept, earliest first.
   */
  effectiveDates: readonly { date: string; source: string }[];
  /** Where this version tells developers to send the 24-hour incident notice (GS-4e). */
  noticeAddress: string;
  /** Where that address comes from, for the settings screen. */
  noticeAddressSource: string;
}

export const POLICY_VERSIONS: Record<TPolicyVersion, TPolicyVersionInfo> = {
  "2021": {
    version: "2021",
    label: "DPP of January 2021",
    effectiveDates: [{ date: "2021-01-01", source: "the policy text (“These updates will go into effect on January 1, 2021”)" }],
    noticeAddress: "3p-security@amazon.com",
    noticeAddressSource: "the 2021 policy text",
  },
  "2025": {
    version: "2025",
    label: "DPP revision of November 2025",
    effectiveDates: [
      { date: "2025-11-11", source: "the SP-API changelog in English" },
      { date: "2025-11-25", source: "the other language versions of the announcement" },
    ],
    noticeAddress: "security@amazon.com",
    noticeAddressSource: "Amazon's current SP-API guidance and the Developer Profile's incident question",
  },
};

/** The stored setting as a version: the revision when unset or unknown. */
export function policyVersionOf(value: unknown): TPolicyVersion {
  return value === "2021" || value === "2025" ? value : DEFAULT_POLICY_VERSION;
}
