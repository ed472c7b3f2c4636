// The parsed network settings: VIGIL_IP_ALLOWLIST and VIGIL_TRUSTED_PROXIES (CIDR lists).
import { env } from "@/lib/env";
import { parseCidrList, type TCidr } from "./ip";

let cache: { allow: TCidr[]; trusted: TCidr[] } | undefined;

function load(): { allow: TCidr[]; trusted: TCidr[] } {
  if (!cache) {
    const e = env();
    cache = { allow: parseCidrList(e.VIGIL_IP_ALLOWLIST), trusted: parseCidrList(e.VIGIL_TRUSTED_PROXIES) };
  }
  return cache;
}

export function ipAllowList(): TCidr[] {
  return load().allow;
}

export function trustedProxies(): TCidr[] {
  return load().trusted;
}

/** Tests only: forget the parsed lists after changing the environment. */
export function resetNetworkSettingsForTests(): void {
  cache = undefined;
}
