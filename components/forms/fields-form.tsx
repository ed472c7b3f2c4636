"use client";

import { ActionForm, Field, type TActionState } from "./action-form";

export interface TFormField {
  name: string;
  label: string;
  type?: "text" | "number";
  defaultValue?: string;
  hint?: string;
  required?: boolean;
}

/**
 * A form described as data, for server pages: the fields and the hidden values that identify
 * the record acted on, posted through the one ActionForm.
 */
export function FieldsForm({
  action,
  fields = [],
  hidden,
  submitLabel,
  secondary,
  label,
  className,
  fieldsClassName,
}: {
  action: (prev: TActionState, form: FormData) => Promise<TActionState>;
  fields?: TFormField[];
  hidden?: Record<string, string>;
  submitLabel: string;
  secondary?: boolean;
  label?: string;
  className?: string;
  /** Lays out the fields (e.g. a grid); the button always follows below them. */
  fieldsClassName?: string;
}) {
  return (
    <ActionForm
      action={action}
      hidden={hidden}
      submitLabel={submitLabel}
      pendingLabel="Working…"
      submitClassName={secondary ? "button button-secondary" : "button"}
      ariaLabel={label}
      className={className}
      resetOnSuccess={false}
    >
      {fields.length > 0 ? (
        <div className={fieldsClassName}>
          {fields.map((field) => (
            <Field key={field.name} name={field.name} label={field.label} type={field.type} defaultValue={field.defaultValue} hint={field.hint} required={field.required} />
          ))}
        </div>
      ) : null}
    </ActionForm>
  );
}
