import type { IncomingMessage } from "node:http";
export const PEER_HEADER: "x-vigil-peer";
export const PEER_SIGNATURE_HEADER: "x-vigil-peer-signature";
export function peerSignature(peer: string, secret: string): string;
export function stampPeer(req: IncomingMessage, secret: string): void;
