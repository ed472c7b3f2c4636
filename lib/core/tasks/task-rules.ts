// The task lifecycle as pure guards: per-field messages, empty when the change is allowed.
import { MIN_COMPLETION_NOTE, type TTaskState } from "./types";

/** Done needs proof: a note that says what was done, or an evidence item, or both. */
export function completionErrors(state: TTaskState, proof: { note: string; evidenceId: string }): Record<string, string> {
  if (state !== "open") return { form: `Only an open task can be completed; this one is ${state}.` };
  if (!proof.evidenceId && proof.note.trim().length < MIN_COMPLETION_NOTE) {
    return { note: `Say what was done (at least ${MIN_COMPLETION_NOTE} characters), or attach an evidence item.` };
  }
  return {};
}

export function reopenErrors(state: TTaskState): Record<string, string> {
  return state === "open" ? { form: "This task is already open." } : {};
}

export function cancelErrors(state: TTaskState): Record<string, string> {
  return state === "open" ? {} : { form: `Only an open task can be cancelled; this one is ${state}.` };
}
