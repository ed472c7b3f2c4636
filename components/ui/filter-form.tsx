// The filter bar above a list: a GET form (the filters live in the address, so a filtered list
// can be bookmarked and shared) with labelled fields and one "Filter" button.

export function FilterForm({ label, keep = {}, children }: { label: string; /** Parameters a new filter keeps (the sort). */ keep?: Record<string, string>; children: React.ReactNode }) {
  return (
    <form className="filters" method="get" role="search" aria-label={label}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="form-actions">
        <button type="submit" className="button button-secondary">
          Filter
        </button>
      </div>
    </form>
  );
}

/** A choice among an enum's labels (from its module's one label map); "Any" first unless `anyLabel` is null. */
export function SelectFilter({
  name,
  label,
  value,
  labels,
  anyLabel = "Any",
  className,
}: {
  name: string;
  label: string;
  value: string | undefined;
  labels: Record<string, string> | readonly { value: string; label: string }[];
  anyLabel?: string | null;
  className?: string;
}) {
  const options = Array.isArray(labels) ? labels : Object.entries(labels).map(([v, l]) => ({ value: v, label: l }));
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""}>
        {anyLabel !== null ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextFilter({ name, label, value, placeholder, type }: { name: string; label: string; value: string | undefined; placeholder?: string; type?: "search" }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} type={type} defaultValue={value ?? ""} placeholder={placeholder} />
    </div>
  );
}
