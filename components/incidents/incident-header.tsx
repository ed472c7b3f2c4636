import { SEVERITY_LABELS, STATUS_LABELS, type TIncidentDetail } from "@/lib/incidents/types";
import { pendingNoticeState } from "@/lib/notices/types";
import { Countdown } from "./countdown";
import styles from "./incident.module.css";
import { SEVERITY_BADGE, STATUS_BADGE } from "./labels";

export function IncidentHeader({ incident, serverNow }: { incident: TIncidentDetail; serverNow: string }) {
  return (
    <div className="page-header">
      <div>
        <p className={`muted mono ${styles.reference}`}>{incident.reference}</p>
        <h1>{incident.title}</h1>
        <div className="form-actions">
          <span className={STATUS_BADGE[incident.status]}>{STATUS_LABELS[incident.status]}</span>
          <span className={SEVERITY_BADGE[incident.severity]}>{SEVERITY_LABELS[incident.severity]}</span>
          <span className="muted">{incident.type.name}</span>
        </div>
      </div>
      <div aria-label="Amazon notice clock">
        <Countdown
          dueAt={incident.notificationDueAt}
          notifiedAt={incident.amazonNotifiedAt}
          noticeOnTime={incident.amazonNoticeOnTime}
          stopped={incident.status === "false_positive"}
          serverNow={serverNow}
          notice={pendingNoticeState(incident.notices.map((n) => n.state))}
        />
      </div>
    </div>
  );
}
