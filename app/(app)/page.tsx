import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/current-actor";
import { checkHealth } from "@/lib/system/check-health";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requireActor();
  const health = await checkHealth();
  return (
    <>
      <PageHeader title="Dashboard" description="Open incidents, deadlines and alarms at a glance." />
      <div className="grid grid-2">
        <section className="card" aria-labelledby="system-heading">
          <h2 id="system-heading">System</h2>
          <dl className="muted" style={{ margin: 0 }}>
            <dt>Database</dt>
            <dd>
              {health.databaseMode === "embedded" ? "Embedded (PGlite, local data folder)" : "PostgreSQL"} —{" "}
              {health.database === "ok" ? (
                <span className="badge badge-ok">reachable</span>
              ) : (
                <span className="badge badge-danger">unreachable</span>
              )}
            </dd>
            <dt>Schema migrations applied</dt>
            <dd>{health.migrations ?? "unknown"}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="start-heading">
          <h2 id="start-heading">Getting started</h2>
          <ol style={{ margin: 0, paddingLeft: "1.2rem" }}>
            <li>Record the incident response plan and its point of contact.</li>
            <li>Invite your security team, responders and privacy officer.</li>
            <li>Log incidents as they are detected: the 24-hour Amazon clock starts at detection.</li>
          </ol>
        </section>
      </div>
    </>
  );
}
