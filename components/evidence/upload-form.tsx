"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

type TUploadState =
  | { phase: "idle" }
  | { phase: "uploading"; sent: number; total: number }
  | { phase: "error"; message: string; fieldErrors: Record<string, string> }
  | { phase: "done"; label: string; sha256: string };

function nowLocalInput(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/**
 * Uploads one evidence file with its collection record. The file goes as the raw request body
 * (streamed by the server, never held whole), the metadata in a header; the bar shows bytes sent.
 */
export function EvidenceUploadForm({ incidentReference, maxBytesText }: { incidentReference: string; maxBytesText: string }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const xhr = useRef<XMLHttpRequest | null>(null);
  const [state, setState] = useState<TUploadState>({ phase: "idle" });
  const errors = state.phase === "error" ? state.fieldErrors : {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({ phase: "error", message: "Check the highlighted fields.", fieldErrors: { file: "Choose the file to upload." } });
      return;
    }
    const collectedLocal = String(data.get("collectedAt") ?? "");
    const meta = {
      fileName: file.name,
      description: String(data.get("description") ?? ""),
      collectedAt: collectedLocal ? new Date(collectedLocal).toISOString() : "",
      collectionMethod: String(data.get("collectionMethod") ?? ""),
      sourceSystem: String(data.get("sourceSystem") ?? ""),
      storageLocation: String(data.get("storageLocation") ?? ""),
      legalHold: data.get("legalHold") === "on",
    };
    const request = new XMLHttpRequest();
    xhr.current = request;
    request.open("POST", `/api/incidents/${encodeURIComponent(incidentReference)}/evidence`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.setRequestHeader("X-Evidence-Meta", btoa(unescape(encodeURIComponent(JSON.stringify(meta)))));
    request.upload.onprogress = (e) => setState({ phase: "uploading", sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
    request.onload = () => {
      let body: { label?: string; sha256?: string; error?: string; fieldErrors?: Record<string, string> } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        body = { error: "The server gave an unexpected answer. Nothing was saved." };
      }
      if (request.status === 201 && body.label) {
        setState({ phase: "done", label: body.label, sha256: body.sha256 ?? "" });
        router.push(`/evidence/${body.label}`);
      } else {
        setState({ phase: "error", message: body.error ?? "The upload was refused.", fieldErrors: body.fieldErrors ?? {} });
      }
    };
    request.onerror = () => setState({ phase: "error", message: "The upload was interrupted. Nothing was saved; try again.", fieldErrors: {} });
    request.onabort = () => setState({ phase: "error", message: "Upload cancelled. Nothing was saved.", fieldErrors: {} });
    setState({ phase: "uploading", sent: 0, total: file.size });
    request.send(file);
  }

  const uploading = state.phase === "uploading";
  const percent = uploading && state.total > 0 ? Math.round((state.sent / state.total) * 100) : 0;

  return (
    <form ref={form} onSubmit={submit} noValidate aria-label="Upload evidence file">
      {state.phase === "error" ? (
        <div className="alert alert-error" role="alert">
          {state.message}
        </div>
      ) : null}
      <UploadField name="file" label="File" error={errors.file} hint={`Up to ${maxBytesText}. Logs, captures, images, PDFs, archives, disk images.`}>
        <input id="f-file" name="file" type="file" required aria-invalid={errors.file ? true : undefined} />
      </UploadField>
      <UploadField name="description" label="Description" error={errors.description}>
        <textarea id="f-description" name="description" rows={2} required aria-invalid={errors.description ? true : undefined} />
      </UploadField>
      <div className="grid grid-2">
        <UploadField name="collectedAt" label="Collected at (your local time)" error={errors.collectedAt}>
          <input id="f-collectedAt" name="collectedAt" type="datetime-local" defaultValue={nowLocalInput()} required />
        </UploadField>
        <UploadField name="sourceSystem" label="Source system" error={errors.sourceSystem}>
          <input id="f-sourceSystem" name="sourceSystem" placeholder="e.g. bastion-1" />
        </UploadField>
      </div>
      <UploadField name="collectionMethod" label="How and where it was collected" error={errors.collectionMethod}>
        <input id="f-collectionMethod" name="collectionMethod" required placeholder="e.g. copied with scp from /var/log/auth.log" />
      </UploadField>
      <UploadField name="storageLocation" label="Storage location" error={errors.storageLocation}>
        <input id="f-storageLocation" name="storageLocation" defaultValue="Vigil evidence store (encrypted)" required />
      </UploadField>
      <div className="field field-check">
        <label>
          <input type="checkbox" name="legalHold" /> Legal hold (may not be released or destroyed)
        </label>
      </div>
      {uploading ? (
        <div className="upload-progress">
          <progress max={100} value={percent} aria-label="Upload progress" />
          <span role="status">{percent}% uploaded</span>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={uploading}>
          {uploading ? "Uploading…" : "Upload and record"}
        </button>
        {uploading ? (
          <button type="button" className="button button-secondary" onClick={() => xhr.current?.abort()}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

function UploadField({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      {hint ? <span className="hint">{hint}</span> : null}
      {children}
      {error ? <span className="error">{error}</span> : null}
    </div>
  );
}
