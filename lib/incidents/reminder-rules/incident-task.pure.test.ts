import { describe, expect, it } from "vitest";
import { incidentTaskReminder, type TIncidentTaskState } from "./incident-task.pure";

const task: TIncidentTaskState = {
  id: "tsk_1",
  title: "Wipe the laptop",
  ownerId: "usr_owner",
  dueDate: new Date("2026-11-30T00:00:00Z"),
  doneAt: null,
  incident: { reference: "INC-2026-0001", status: "contained", commanderId: "usr_cmd" },
};

describe("the incident task reminder", () => {
  it("fires the day before and once overdue, with the due day in each key", () => {
    const keys = new Set<string>();
    for (let t = Date.parse("2026-11-27T00:00:00Z"); t <= Date.parse("2026-12-05T00:00:00Z"); t += 3_600_000) {
      const reminder = incidentTaskReminder(task, new Date(t));
      if (reminder) keys.add(reminder.key);
    }
    expect([...keys]).toEqual(["incident.task:tsk_1:2026-11-30:due-tomorrow", "incident.task:tsk_1:2026-11-30:overdue"]);
  });

  it("reminds again when the due day moves later after its reminders went out", () => {
    const sent = new Set<string>();
    const sweep = (state: TIncidentTaskState, from: string, to: string) => {
      const fired: string[] = [];
      for (let t = Date.parse(from); t <= Date.parse(to); t += 3_600_000) {
        const reminder = incidentTaskReminder(state, new Date(t));
        if (reminder && !sent.has(reminder.key)) fired.push((sent.add(reminder.key), reminder.key));
      }
      return fired;
    };
    expect(sweep(task, "2026-11-27T00:00:00Z", "2026-12-01T12:00:00Z")).toEqual(["incident.task:tsk_1:2026-11-30:due-tomorrow", "incident.task:tsk_1:2026-11-30:overdue"]);
    const moved = { ...task, dueDate: new Date("2026-12-04T00:00:00Z") };
    expect(sweep(moved, "2026-12-01T13:00:00Z", "2026-12-06T00:00:00Z")).toEqual(["incident.task:tsk_1:2026-12-04:due-tomorrow", "incident.task:tsk_1:2026-12-04:overdue"]);
  });

  it("tells the owner the day before, owner and commander once overdue", () => {
    expect(incidentTaskReminder(task, new Date("2026-11-29T08:00:00Z"))!.recipientUserIds).toEqual(["usr_owner"]);
    expect(incidentTaskReminder(task, new Date("2026-11-30T08:00:00Z"))).toBeNull();
    expect(incidentTaskReminder(task, new Date("2026-12-01T08:00:00Z"))!.recipientUserIds).toEqual(["usr_owner", "usr_cmd"]);
  });

  it("says nothing once done, without a due day, or once the incident is closed", () => {
    const overdue = new Date("2026-12-02T08:00:00Z");
    expect(incidentTaskReminder({ ...task, doneAt: new Date("2026-12-01T00:00:00Z") }, overdue)).toBeNull();
    expect(incidentTaskReminder({ ...task, dueDate: null }, overdue)).toBeNull();
    expect(incidentTaskReminder({ ...task, incident: { ...task.incident, status: "closed" } }, overdue)).toBeNull();
  });
});
