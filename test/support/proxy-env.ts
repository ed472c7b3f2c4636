// Settings for tests that run proxy.ts or the request helpers in-process: set what a case
// needs, restore the environment after each case, and stamp requests the way scripts/serve.mjs
// does (the socket's peer and its HMAC under the boot secret, computed here independently).
import { createHmac } from "node:crypto";
import { afterEach } from "vitest";
import { resetKeysForTests } from "@/lib/crypto/keys";
import { resetEnvForTests } from "@/lib/env";
import { resetNetworkSettingsForTests } from "@/lib/http/network-settings";

export const PEER_SECRET = "a-boot-secret-for-the-test-0123456789abcdef";

function resetCaches(): void {
  resetEnvForTests();
  resetKeysForTests();
  resetNetworkSettingsForTests();
}

/** Sets these variables (undefined removes one), plus a server secret and the peer secret. */
export function configure(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries({ VIGIL_PEER_SECRET: PEER_SECRET, ...vars })) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  process.env.VIGIL_SECRET = "a-test-secret-that-is-long-enough-0123456789";
  resetCaches();
}

/** Call once per test file: puts the environment back after every case. */
export function restoreEnvAfterEach(): void {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    resetCaches();
  });
}

/** The headers scripts/serve.mjs sets from the socket: the peer and its signature. */
export function fromPeer(peer: string, secret = PEER_SECRET): Record<string, string> {
  return { "x-vigil-peer": peer, "x-vigil-peer-signature": createHmac("sha256", secret).update(peer).digest("base64url") };
}
