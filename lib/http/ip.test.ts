import { describe, expect, it } from "vitest";
import { clientBehindProxy } from "./client-address";
import { ipInAny, ipInCidr, isLoopbackIp, parseCidr, parseCidrList, parseIp } from "./ip";

describe("IP addresses and CIDR ranges", () => {
  it("parses IPv4 and IPv6, including :: shorthand, brackets and mapped IPv4", () => {
    expect(parseIp("192.0.2.1")).toEqual({ family: 4, value: 0xc0000201n });
    expect(parseIp("::1")).toEqual({ family: 6, value: 1n });
    expect(parseIp("[2001:db8::1]")?.family).toBe(6);
    expect(parseIp("::ffff:192.0.2.1")).toEqual({ family: 4, value: 0xc0000201n });
    for (const bad of ["256.1.1.1", "1.2.3", "2001:db8::1::2", "hello", "", "1:2:3:4:5:6:7:8:9"]) expect(parseIp(bad)).toBeNull();
  });

  it("matches addresses inside and outside ranges, v4 and v6", () => {
    const v4 = parseCidr("10.1.0.0/16")!;
    expect(ipInCidr("10.1.255.7", v4)).toBe(true);
    expect(ipInCidr("10.2.0.1", v4)).toBe(false);
    const v6 = parseCidr("2001:db8:abcd::/48")!;
    expect(ipInCidr("2001:db8:abcd:12::5", v6)).toBe(true);
    expect(ipInCidr("2001:db8:abce::5", v6)).toBe(false);
    expect(ipInCidr("10.1.0.1", v6)).toBe(false);
    expect(ipInCidr("203.0.113.9", parseCidr("203.0.113.9")!)).toBe(true);
    expect(ipInCidr("1.2.3.4", parseCidr("0.0.0.0/0")!)).toBe(true);
  });

  it("refuses a malformed list entry by name", () => {
    expect(() => parseCidrList("10.0.0.0/8, nonsense")).toThrow(/nonsense/);
    expect(() => parseCidrList("10.0.0.0/33")).toThrow(/10.0.0.0\/33/);
    expect(parseCidrList(undefined)).toEqual([]);
    expect(ipInAny("192.0.2.5", parseCidrList("10.0.0.0/8 192.0.2.0/24"))).toBe(true);
  });

  it("finds the client behind trusted proxies and ignores what the client wrote itself", () => {
    const trusted = parseCidrList("10.0.0.0/8,::1/128");
    // client-sent, real client, proxy (the peer, 10.0.0.1, is a trusted proxy)
    expect(clientBehindProxy("6.6.6.6, 203.0.113.9, 10.0.0.2", "10.0.0.1", trusted)).toBe("203.0.113.9");
    expect(clientBehindProxy("203.0.113.9", "10.0.0.1", trusted)).toBe("203.0.113.9");
    expect(clientBehindProxy("::ffff:198.51.100.4", "10.0.0.1", trusted)).toBe("198.51.100.4");
    // The proxy added nothing: the proxy itself is the client.
    expect(clientBehindProxy(null, "10.0.0.1", trusted)).toBe("10.0.0.1");
    expect(clientBehindProxy("not-an-ip", "10.0.0.1", trusted)).toBeNull();
  });

  it("knows loopback addresses", () => {
    expect(isLoopbackIp("127.0.0.1")).toBe(true);
    expect(isLoopbackIp("127.8.0.1")).toBe(true);
    expect(isLoopbackIp("::1")).toBe(true);
    expect(isLoopbackIp("192.0.2.1")).toBe(false);
  });
});
