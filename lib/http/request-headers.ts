// Headers proxy.ts sets on the forwarded request (client-sent values are replaced).
export const REQUEST_ID_HEADER = "x-request-id";
export const NONCE_HEADER = "x-nonce";
