import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CredentialDTO, CredentialKindCaps, CredentialWriteDTO, ErrorDTO } from '../../../../src-preload/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/TextField';
import { inSentence } from '../../lib/caps';
import { credentialLabel } from '../../lib/credential';
import { checkCredentialDetail, checkCredentialName, messageOf } from '../../lib/fieldRules';
import { useEscapeCloses } from '../../lib/useEscapeCloses';
import { fieldName } from '../../lib/useFieldErrors';
import { credentialWrites, type CredentialScope } from '../../store/credentials';

type Props = {
  scope: CredentialScope;
  credential: CredentialDTO;
  kind: CredentialKindCaps;
  onSaved(write: CredentialWriteDTO): void;
  onCancel(): void;
  /** Why it cannot be sent now (offline), or null. */
  blocked: string | null;
};

/** A settings row that carries the credential's description, if main reports one. */
const DETAIL_ROW = /^(detail|description)$/i;

/**
 * Rename a credential and edit its description (kinds whose provider allows it). Only what was
 * changed is sent: the description is not in the list, so unless main's settings report it, the
 * field starts empty and an empty field keeps the current one.
 */
export function EditCredentialForm({ scope, credential, kind, onSaved, onCancel, blocked }: Props) {
  const [name, setName] = useState(credential.name ?? '');
  const [detail, setDetail] = useState('');
  /** The description as it is now, when main reported it (then clearing the field clears it). */
  const [knownDetail, setKnownDetail] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ name?: string | undefined; detail?: string | undefined }>({});
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const [nothing, setNothing] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const detailRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEscapeCloses(busy ? null : onCancel, formRef);

  useEffect(() => {
    nameRef.current?.focus();
    let live = true;
    void credentialWrites.settings(scope, credential.id).then((r) => {
      const row = r.ok ? r.value.rows.find((x) => DETAIL_ROW.test(x.label)) : undefined;
      if (live && row) {
        setKnownDetail(row.value);
        setDetail((d) => (d === '' ? row.value : d));
      }
    });
    return () => {
      live = false;
    };
    // Once, when the form opens (it is keyed by the credential).
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || blocked) return;
    setFailure(null);
    setNothing(false);
    const n = checkCredentialName(name);
    const d = checkCredentialDetail(detail);
    setErrors({ name: messageOf(n), detail: messageOf(d) });
    if (!n.ok) return nameRef.current?.focus();
    if (!d.ok) return detailRef.current?.focus();

    const change: { name?: string; detail?: string } = {};
    if (n.value !== (credential.name ?? '')) change.name = n.value;
    if (knownDetail !== null ? d.value !== knownDetail : d.value !== '') change.detail = d.value;
    if (change.name === undefined && change.detail === undefined) {
      setNothing(true);
      return;
    }
    setBusy(true);
    const result = await credentialWrites.update(scope, credential.id, change);
    setBusy(false);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    const field = fieldName(result.error.field);
    if (field === 'name' || field === 'detail') {
      setErrors((e) => ({ ...e, [field]: result.error.message }));
      (field === 'name' ? nameRef : detailRef).current?.focus();
    } else setFailure(result.error);
  }

  return (
    <form
      className="panel form edit-credential"
      data-testid="edit-credential-form"
      data-credential-id={credential.id}
      aria-labelledby="edit-credential-title"
      aria-busy={busy}
      noValidate
      onSubmit={onSubmit}
      ref={formRef}
    >
      <h4 id="edit-credential-title" className="panel-title">
        Edit {inSentence(kind.label)} {credentialLabel(credential)}
      </h4>
      <div className="form-row-2">
        <TextField
          label="Name"
          name="name"
          inputRef={nameRef}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setNothing(false);
            if (errors.name) setErrors((x) => ({ ...x, name: messageOf(checkCredentialName(e.target.value)) }));
          }}
          error={errors.name}
          autoComplete="off"
          maxLength={100}
          disabled={busy}
        />
        <TextField
          label="Detail"
          name="detail"
          inputRef={detailRef}
          value={detail}
          onChange={(e) => {
            setDetail(e.target.value);
            setNothing(false);
            if (errors.detail) setErrors((x) => ({ ...x, detail: messageOf(checkCredentialDetail(e.target.value)) }));
          }}
          help={knownDetail === null ? 'Leave empty to keep the current detail.' : undefined}
          error={errors.detail}
          autoComplete="off"
          maxLength={500}
          disabled={busy}
        />
      </div>
      {nothing && (
        <p className="muted" role="status" data-testid="edit-nothing">
          Nothing changed.
        </p>
      )}
      {failure && <ErrorNotice error={failure} testId="edit-credential-error" />}
      <FormActions label="Save" busyLabel="Saving…" busy={busy} onCancel={onCancel} blocked={blocked} />
    </form>
  );
}
