"use client";

import { useActionState, useState } from "react";

/**
 * useActionState that keeps what was typed: React resets a form after its action runs, so on
 * an error the fields would empty. Passwords and codes are not kept.
 */
export function useKeptAction<R>(action: (previous: unknown, form: FormData) => Promise<R>) {
  const [kept, setKept] = useState<{ values: Record<string, string>; round: number }>({ values: {}, round: 0 });
  const [state, formAction, pending] = useActionState<R | null, FormData>(async (previous, form) => {
    const values: Record<string, string> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === "string" && !/password|code|token|secret/i.test(key) && !key.startsWith("$")) values[key] = value;
    }
    const result = await action(previous, form);
    setKept((k) => ({ values, round: k.round + 1 }));
    return result;
  }, null);
  return { state, formAction, pending, values: kept.values, formKey: kept.round };
}
