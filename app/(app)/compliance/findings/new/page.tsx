import { RecordFindingForm } from "@/components/findings/finding-forms";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-actor";
import { findingFormOptions } from "@/lib/findings";
import { recordFindingAction } from "../actions";
import styles from "../../compliance.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Record a finding" };

export default async function NewFindingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("compliance.manage");
  const options = await findingFormOptions(actor);
  const control = (await searchParams).control;
  return (
    <>
      <PageHeader title="Record a finding" description="What the audit found, against which control, who remediates it and by when. The owner is reminded 7 days and 1 day before the due date, on the day, and weekly once overdue." />
      <section className={`card ${styles.formCard}`}>
        <RecordFindingForm
          action={recordFindingAction}
          controls={options.controls}
          owners={options.owners}
          engagements={options.engagements}
          defaultControl={typeof control === "string" && options.controls.some((c) => c.value === control) ? control : undefined}
        />
      </section>
    </>
  );
}
