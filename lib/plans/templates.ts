// The starting texts Vigil offers on first use: an incident response plan and a privacy and
// data-handling policy written for Amazon's Data Protection Policy. The team adapts and approves
// them; nothing here is in force until someone other than its author approves it.
import type { TPolicyDocumentKind } from "./types";

export interface TTemplateContext {
  /** Where notices to Amazon go (the notice address setting, or Amazon's default). */
  noticeAddress: string;
  /** "Data Protection Policy, revision of 11 November 2025". */
  policyLabel: string;
}

export interface TPolicyTemplate {
  kind: Exclude<TPolicyDocumentKind, "other">;
  title: string;
  reviewFrequencyMonths: number;
  body(context: TTemplateContext): string;
}

const IR_PLAN = (c: TTemplateContext) => `# Incident response plan

This plan says who does what when a security incident may affect Amazon Information or the
personal data we process. It follows Amazon's ${c.policyLabel}. Everyone with access to Vigil
reads and acknowledges it.

## Roles and responsibilities

| Role | Who | Responsibilities |
| --- | --- | --- |
| Incident Management Point of Contact (IMPOC) | *name the person* | Amazon's contact for every security incident; readily available; owns the notice to Amazon. |
| Incident commander | *name the person* | Leads the response, decides severity, assigns tasks, closes the incident. |
| Deputy incident commander | *name the person* | Takes over when the commander is unavailable. |
| Privacy officer | *name the person* | Judges the impact on personal data; handles deletion and data-subject requests. |
| Responders | *the on-call team* | Contain, investigate, collect evidence, remediate. |

## Detection and reporting

1. Anyone who notices a possible incident logs it in Vigil at once, or tells the incident commander.
2. The commander confirms or dismisses it, sets its type and severity, and forms the team.
3. The time of detection is recorded: Amazon's 24-hour deadline runs from it.

## Incident types

The incident types are part of each version of this plan, each with its procedure and escalation
path: Vigil shows them with the plan and prints them after this text, together with the people this
version names. A type a new version no longer lists is retired: not offered for new incidents, kept
on the incidents that have it. At least:

- **Unauthorised access** to systems or data that hold Amazon Information
- **Data leak or loss**, including lost or stolen devices
- **Malware or ransomware**
- **Credential compromise**, including leaked API keys and tokens
- **Denial of service** affecting the processing of orders

## Notice to Amazon within 24 hours

If an incident involves or may involve Amazon Information, the IMPOC emails Amazon at
[${c.noticeAddress}](mailto:${c.noticeAddress}) **within 24 hours of detection**, even before the
investigation ends, and updates Amazon as facts emerge. Vigil records the notice and when it was sent.

We never notify a regulator or a customer on Amazon's behalf unless Amazon asks for it in writing.
Amazon may review the form and content of any notification first.

## Legal-process requests

A subpoena, court order or authority's request for Amazon Information goes to the security lead
the day it arrives. We inform Amazon at [${c.noticeAddress}](mailto:${c.noticeAddress}) **within
24 hours of receipt**, before any disclosure the law allows us to delay.

## Evidence handling and chain of custody

- Evidence is collected into Vigil with its hash, who collected it, when and from where.
- Every transfer, seal, release and destruction is recorded in its custody ledger.
- Evidence files are kept encrypted and read only by those working the incident.
- The chain of custody is available to Amazon on request.

## Containment, remediation and closure

1. Contain: isolate affected systems, rotate credentials, block the attacker.
2. Investigate: find the root cause and what data was affected.
3. Remediate and add corrective controls; record each as a task with its proof.
4. Close the incident with its description, root cause, remediation and corrective controls.

## Deletion and return of Amazon Information

When Amazon asks for deletion or return, we delete (by NIST SP 800-88 sanitisation) or return the
data **within 72 hours**, delete all live instances within 90 days, and certify the destruction in
writing if Amazon asks.

## Review of this plan

This plan is reviewed every six months and after every major infrastructure or system change.
Each review is recorded in Vigil with its outcome.
`;

const PRIVACY_POLICY = (c: TTemplateContext) => `# Privacy and data-handling policy

This policy says how we collect, use, keep and dispose of personal data (PII) received through
Amazon's Selling Partner API, following Amazon's ${c.policyLabel}.

## What we collect and why

We collect only the personal data needed to fulfil orders and to meet tax obligations, and use it
for nothing else.

## Who may read it

- Access to PII is by named role, on a need-to-know basis, with least privilege.
- Every access is logged; the logs hold no PII and are kept at least 12 months.
- Accounts use unique credentials and multi-factor authentication.

## Storage and encryption

- PII is encrypted at rest (AES-256) and in transit (TLS 1.2 or later).
- Keys are used only by our own processes and rotated regularly.
- PII is never copied to removable media or shared through public links.

## Retention and deletion

| Data | Kept for | Then |
| --- | --- | --- |
| Order PII | At most 30 days after shipment | Deleted |
| Tax records | As tax law requires | Kept encrypted in an offline archive |
| Other Amazon data | At most 18 months | Deleted |

When Amazon asks, we delete or return Amazon Information **within 72 hours** (NIST SP 800-88).

## Requests from people about their data

Requests to access, correct or erase personal data go to the privacy officer, who answers them
within the time the law sets and records each in Vigil.

## Incidents

A suspected leak of personal data is a security incident under the incident response plan: it is
logged in Vigil at once and, if it involves Amazon Information, notified to Amazon at
[${c.noticeAddress}](mailto:${c.noticeAddress}) within 24 hours of detection.

## Legal process

Requests for data by legal process are handled as the incident response plan says, with Amazon
informed within 24 hours of receipt.

## Review

This policy is reviewed at least every six months, and whenever the way we process personal data
changes.
`;

export const POLICY_TEMPLATES: readonly TPolicyTemplate[] = [
  { kind: "ir_plan", title: "Incident response plan", reviewFrequencyMonths: 6, body: IR_PLAN },
  { kind: "privacy_policy", title: "Privacy and data-handling policy", reviewFrequencyMonths: 6, body: PRIVACY_POLICY },
];
