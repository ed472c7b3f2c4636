import "server-only";
// Every kind of deadline Vigil runs. A module that adds a clock writes a TClockSource (see
// types.ts and lib/findings/clock-source.ts) and appends it here; the dashboard's "overdue and
// falling due" list, the deadline reminder rules and the compliance map's open findings read
// them through this list.
import { accessCampaignClock, accessLeaverClock, accessRotationClock } from "@/lib/access/clock-source";
import { inventoryReviewClock, purgeAttestationClock } from "@/lib/assets/clock-source";
import { controlAttestationClock } from "@/lib/compliance/clock-source";
import { custodyTransferClock } from "@/lib/evidence/clock-source";
import { findingDueClock } from "@/lib/findings/clock-source";
import { incidentNoticeClock, incidentTaskClock, legalRequestNoticeClock } from "@/lib/incidents/clock-sources";
import { taskDueClock } from "@/lib/core/tasks/clock-source";
import { controlActivityClock, policyAcknowledgementClock, policyReviewClock } from "@/lib/plans/clock-source";
import type { TClockSource } from "./types";

export const CLOCK_SOURCES: readonly TClockSource[] = [
  incidentNoticeClock,
  legalRequestNoticeClock,
  incidentTaskClock,
  custodyTransferClock,
  findingDueClock,
  controlAttestationClock,
  taskDueClock,
  policyReviewClock,
  controlActivityClock,
  policyAcknowledgementClock,
  accessCampaignClock,
  accessLeaverClock,
  accessRotationClock,
  purgeAttestationClock,
  inventoryReviewClock,
];

export function clockSource(kind: string): TClockSource {
  const source = CLOCK_SOURCES.find((s) => s.kind === kind);
  if (!source) throw new Error(`No clock source of kind ${kind}.`);
  return source;
}
