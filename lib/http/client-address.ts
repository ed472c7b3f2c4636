// The one module that decides a request's client address (issue 14: a client must not choose
// its own). Vigil's server (scripts/serve.mjs, started by `npm start`) stamps every request with
// the socket's peer address and an HMAC of it under a secret made at each boot
// (VIGIL_PEER_SECRET, set by that script in its own process; a client-sent copy is overwritten).
// The client is that peer, unless the peer is one of VIGIL_TRUSTED_PROXIES: then the
// X-Forwarded-For chain is read from the right, skipping trusted hops. A request without a valid
// stamp (someone ran `next start` directly) has no known address.
import { timingSafeEqual } from "node:crypto";
import { ipInAny, normaliseIp, parseIp, type TCidr } from "./ip";
import { PEER_HEADER, PEER_SIGNATURE_HEADER, peerSignature } from "./peer-stamp.mjs";

const FORWARDED_FOR_HEADER = "x-forwarded-for";

type THeaders = Pick<Headers, "get">;

/** The socket's peer address as Vigil's server stamped it, or null without a valid stamp. */
export function verifiedPeer(headers: THeaders, secret = process.env.VIGIL_PEER_SECRET): string | null {
  if (!secret) return null;
  const peer = headers.get(PEER_HEADER);
  const signature = headers.get(PEER_SIGNATURE_HEADER);
  if (!peer || !signature) return null;
  const expected = Buffer.from(peerSignature(peer, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return parseIp(peer) ? normaliseIp(peer) : null;
}

/** The client behind a trusted proxy: the first X-Forwarded-For entry from the right that is not a trusted hop. */
export function clientBehindProxy(forwardedFor: string | null, peer: string, trusted: readonly TCidr[]): string | null {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    const entry = chain[i]!;
    if (!parseIp(entry)) return null;
    if (i === 0 || !ipInAny(entry, trusted)) return normaliseIp(entry);
  }
  return peer;
}

export interface TClientAddress {
  /** The client's address, or null when the request carries no valid stamp. */
  ip: string | null;
  /** The request reached Vigil through one of VIGIL_TRUSTED_PROXIES (so its X-Forwarded-Proto counts). */
  viaTrustedProxy: boolean;
  /** The request carried a valid stamp from Vigil's server. */
  stamped: boolean;
}

export function clientAddress(headers: THeaders, trusted: readonly TCidr[], secret?: string): TClientAddress {
  const peer = verifiedPeer(headers, secret);
  if (!peer) return { ip: null, viaTrustedProxy: false, stamped: false };
  if (!ipInAny(peer, trusted)) return { ip: peer, viaTrustedProxy: false, stamped: true };
  return { ip: clientBehindProxy(headers.get(FORWARDED_FOR_HEADER), peer, trusted), viaTrustedProxy: true, stamped: true };
}
