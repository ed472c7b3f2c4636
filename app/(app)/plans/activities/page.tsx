import { ActivityTable } from "@/components/plans/activity-table";
import { PlansNav } from "@/components/plans/plans-nav";
import { ScheduleActivityForm } from "@/components/plans/policy-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { now } from "@/lib/clock";
import { activityOwnerOptions, listControlActivities } from "@/lib/plans";
import { scheduleControlActivityAction } from "../actions";
import styles from "@/components/plans/plans.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Control activities" };

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("policy.read");
  const { rows, total, query, canRecord } = await listControlActivities(actor, await searchParams);
  const owners = canRecord ? await activityOwnerOptions(actor) : [];
  return (
    <>
      <PageHeader
        title="Control activities"
        description="The recurring activities the team must be able to prove: audit log reviews, vulnerability scans, penetration tests, restore tests, tabletop exercises and any other. Each completion records who, when, the outcome and a note or an evidence item; the next one falls due from it."
      />
      <PlansNav current="/plans/activities" />
      <ActivityTable rows={rows} total={total} query={query} />
      {canRecord ? (
        <details className={`disclosure ${styles.gapAbove}`}>
          <summary>Schedule an activity</summary>
          <ScheduleActivityForm action={scheduleControlActivityAction} owners={owners} today={now().toISOString().slice(0, 10)} />
        </details>
      ) : null}
    </>
  );
}
