import { describe, expect, it } from "vitest";
import { alarmSignatureValid, signAlarmRequest, timestampFresh } from "./request-signature";

describe("alarm request signatures", () => {
  const secret = "s3cret-s3cret-s3cret-s3cret-s3cret";
  const body = '{"rule":"waf.block","subject":"host-1","title":"Blocked"}';

  it("accepts the signature over timestamp and body, and refuses any change to either", () => {
    const signature = signAlarmRequest(secret, "1800000000", body);
    expect(alarmSignatureValid(secret, "1800000000", body, signature)).toBe(true);
    expect(alarmSignatureValid(secret, "1800000001", body, signature)).toBe(false);
    expect(alarmSignatureValid(secret, "1800000000", body.replace("host-1", "host-2"), signature)).toBe(false);
    expect(alarmSignatureValid("another-secret-another-secret-00", "1800000000", body, signature)).toBe(false);
    expect(alarmSignatureValid(secret, "1800000000", body, "v1=00")).toBe(false);
  });

  it("accepts timestamps within five minutes of now, either side", () => {
    const now = new Date(1_800_000_000_000);
    expect(timestampFresh("1800000300", now)).toBe(true);
    expect(timestampFresh("1799999700", now)).toBe(true);
    expect(timestampFresh("1800000301", now)).toBe(false);
    expect(timestampFresh("1799999699", now)).toBe(false);
    expect(timestampFresh("soon", now)).toBe(false);
  });
});
