import type { TActionState } from "@/lib/core/action-state";

/** A server action bound to its record, as the incident forms take it. */
export type TAction = (prev: TActionState, formData: FormData) => Promise<TActionState>;
