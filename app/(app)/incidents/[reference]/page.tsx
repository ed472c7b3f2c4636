import Link from "next/link";
import { notFound } from "next/navigation";
import { IncidentEvidencePanel } from "@/components/evidence/incident-evidence-panel";
import { AmazonAnswerPanel } from "@/components/incidents/amazon-answer-panel";
import { CloseIncidentPanel } from "@/components/incidents/close-incident-panel";
import { ClosingReport } from "@/components/incidents/closing-report";
import { EditIncidentDetails } from "@/components/incidents/edit-incident-details";
import { IncidentComments } from "@/components/incidents/incident-comments";
import { IncidentHeader } from "@/components/incidents/incident-header";
import { IncidentProcedure } from "@/components/incidents/incident-procedure";
import { IncidentStatusPanel } from "@/components/incidents/incident-status-panel";
import { IncidentSummary } from "@/components/incidents/incident-summary";
import { IncidentTasks } from "@/components/incidents/incident-tasks";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { ThirdPartyNotifications } from "@/components/incidents/third-party-notifications";
import { NoticePanel } from "@/components/notices/notice-panel";
import { PlanContactsCard } from "@/components/plans/plan-contacts";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/policy";
import { listPlanContacts } from "@/lib/plans";
import { now } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import { getIncidentEvidenceSummary } from "@/lib/evidence/incident-evidence-summary";
import { draftAmazonNotice, getIncident, getIncidentCatalog } from "@/lib/incidents";
import { isOpenStatus } from "@/lib/incidents/types";
import {
  addCommentAction,
  addTaskAction,
  addTimelineEntryAction,
  changeAmazonInfoAnswerAction,
  changeDetectionTimeAction,
  changeStatusAction,
  closeIncidentAction,
  falsePositiveAction,
  recordNoticeAction,
  recordThirdPartyAction,
  sendNoticeAction,
  setTaskDoneAction,
  updateIncidentAction,
} from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }) {
  return { title: (await params).reference };
}

async function load(reference: string) {
  const actor = await requireActor();
  try {
    return { actor, incident: await getIncident(actor, reference) };
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export default async function IncidentPage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const { actor, incident } = await load(decodeURIComponent(reference));
  const ref = incident.reference;
  const open = isOpenStatus(incident.status);
  // Members work an open incident; a closed one (or a false positive) takes no more changes.
  const work = incident.can.update && open;
  const catalog = incident.can.update ? await getIncidentCatalog(actor) : null;
  const draft = incident.can.notify && incident.amazonInfoInvolved ? await draftAmazonNotice(actor, ref) : null;
  const evidence = await getIncidentEvidenceSummary(actor, ref);
  // The plan's IMPOC and commanders, on every incident (names and roles only for auditors).
  const contacts = can(actor, "policy.read") ? await listPlanContacts(actor, { on: { type: "incident", id: incident.id } }) : null;

  return (
    <>
      <IncidentHeader incident={incident} serverNow={now().toISOString()} />
      <div className="layout-detail">
        <div className="stack">
          <IncidentSummary incident={incident} />
          {work && catalog ? <EditIncidentDetails incident={incident} catalog={catalog} action={updateIncidentAction.bind(null, ref)} /> : null}
          <IncidentTimeline incident={incident} addEntry={work ? addTimelineEntryAction.bind(null, ref) : null} />
          <IncidentTasks
            incident={incident}
            people={catalog?.people ?? []}
            actions={work ? { add: addTaskAction.bind(null, ref), setDone: (taskId, done) => setTaskDoneAction.bind(null, ref, taskId, done) } : null}
          />
          <IncidentEvidencePanel reference={ref} rows={evidence.rows} canAdd={evidence.canAdd && open} canExport={evidence.canExport} />
          <IncidentComments incident={incident} addComment={work ? addCommentAction.bind(null, ref) : null} />
          <ThirdPartyNotifications incident={incident} record={incident.can.notify && open ? recordThirdPartyAction.bind(null, ref) : null} />
        </div>
        <div className="stack">
          <NoticePanel
            heading="Notice to Amazon"
            record={incident}
            draft={draft}
            sendAction={sendNoticeAction.bind(null, ref)}
            recordAction={recordNoticeAction.bind(null, ref)}
            notRequired={incident.amazonInfoInvolved ? undefined : "Not a Security Incident under the policy (answer “No”): no notice is due."}
          />
          <AmazonAnswerPanel incident={incident} change={work ? changeAmazonInfoAnswerAction.bind(null, ref) : null} />
          {work ? <IncidentStatusPanel incident={incident} changeStatus={changeStatusAction.bind(null, ref)} changeDetectionTime={changeDetectionTimeAction.bind(null, ref)} /> : null}
          {incident.can.close && open ? <CloseIncidentPanel incident={incident} close={closeIncidentAction.bind(null, ref)} markFalsePositive={falsePositiveAction.bind(null, ref)} /> : null}
          {incident.status === "closed" ? <ClosingReport incident={incident} /> : null}
          {contacts ? <PlanContactsCard contacts={contacts} heading="Incident contacts" /> : null}
          <IncidentProcedure type={incident.type} />
        </div>
      </div>
      <p>
        <Link href="/incidents">← All incidents</Link>
      </p>
    </>
  );
}
