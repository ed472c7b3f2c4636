// The stamp scripts/serve.mjs puts on every request before Next sees it: the socket's peer
// address and its HMAC-SHA256 (base64url) under the boot secret. Client-sent copies of either
// header are overwritten. lib/http/client-address.ts verifies it with the same peerSignature().
// Plain JavaScript: serve.mjs runs under node alone.
import { createHmac } from "node:crypto";

export const PEER_HEADER = "x-vigil-peer";
export const PEER_SIGNATURE_HEADER = "x-vigil-peer-signature";

/** @param {string} peer @param {string} secret */
export function peerSignature(peer, secret) {
  return createHmac("sha256", secret).update(peer).digest("base64url");
}

/** @param {import("node:http").IncomingMessage} req @param {string} secret */
export function stampPeer(req, secret) {
  const peer = req.socket.remoteAddress ?? "";
  req.headers[PEER_HEADER] = peer;
  req.headers[PEER_SIGNATURE_HEADER] = peerSignature(peer, secret);
}
