// IP addresses and CIDR ranges (IPv4 and IPv6) for the allow-list and trusted proxies. Pure:
// used by proxy.ts on every request, and unit-tested.

/** An address as a big integer with its family, or null when the text is not an address. */
export function parseIp(text: string): { family: 4 | 6; value: bigint } | null {
  let s = text.trim();
  if (s.startsWith("[") && s.includes("]")) s = s.slice(1, s.indexOf("]"));
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) {
    const parts = s.split(".").map(Number);
    if (parts.some((p) => p > 255)) return null;
    return { family: 4, value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
  }
  if (!s.includes(":")) return null;
  // IPv4-mapped IPv6 (::ffff:1.2.3.4) is treated as the IPv4 address.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(s);
  if (mapped) return parseIp(mapped[1]!);
  let head = s;
  let tailV4: bigint | null = null;
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (v4) {
    const parsed = parseIp(v4[1]!);
    if (!parsed) return null;
    tailV4 = parsed.value;
    head = s.slice(0, s.length - v4[1]!.length) + "0:0";
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const left = halves[0] ? halves[0].split(":") : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  let value = groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  if (tailV4 !== null) value = (value & ~0xffffffffn) | tailV4;
  return { family: 6, value };
}

export interface TCidr {
  family: 4 | 6;
  network: bigint;
  prefix: number;
}

export function parseCidr(text: string): TCidr | null {
  const [address, prefixText] = text.trim().split("/");
  const ip = parseIp(address ?? "");
  if (!ip) return null;
  const bits = ip.family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits || (prefixText !== undefined && !/^\d+$/.test(prefixText))) return null;
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
  return { family: ip.family, network: ip.value & mask, prefix };
}

/** Parses a comma- or space-separated list; throws naming the first entry that is not a range. */
export function parseCidrList(text: string | undefined): TCidr[] {
  if (!text) return [];
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const cidr = parseCidr(entry);
      if (!cidr) throw new Error(`"${entry}" is not an IP address or CIDR range`);
      return cidr;
    });
}

export function ipInCidr(ip: string, cidr: TCidr): boolean {
  const parsed = parseIp(ip);
  if (!parsed || parsed.family !== cidr.family) return false;
  const bits = cidr.family === 4 ? 32 : 128;
  const mask = cidr.prefix === 0 ? 0n : ((1n << BigInt(cidr.prefix)) - 1n) << BigInt(bits - cidr.prefix);
  return (parsed.value & mask) === cidr.network;
}

export function ipInAny(ip: string, ranges: readonly TCidr[]): boolean {
  return ranges.some((range) => ipInCidr(ip, range));
}

export function normaliseIp(text: string): string {
  let s = text.trim();
  if (s.startsWith("[") && s.includes("]")) s = s.slice(1, s.indexOf("]"));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(s);
  return mapped ? mapped[1]! : s.toLowerCase();
}

export function isLoopbackIp(ip: string): boolean {
  const parsed = parseIp(ip);
  if (!parsed) return false;
  return parsed.family === 4 ? parsed.value >> 24n === 127n : parsed.value === 1n;
}
