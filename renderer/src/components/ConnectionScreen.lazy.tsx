// First run: connect this PC. The contract's schema checks the fields first; what only the server can
// tell (unreachable, wrong token) comes back from main with the field it is about.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { connectInputSchema } from '../../../core/schemas/app-api.ts';
import { fieldErrorsFromIssues } from '../../../core/schemas/schedule.ts';
import type { AppError, ConnectInput } from '../../../core/schemas/app-api.ts';
import { selectConnectionFullyManaged, selectConnectionPrefill, selectLocked, selectManagedNote } from '../store/selectors.ts';
import { useActions, useUi } from '../store/store-context.tsx';
import { FieldMessage, invalidProps } from './FieldMessage.tsx';
import { ManagedNote } from './ManagedNote.tsx';

type FieldName = keyof ConnectInput;
type Errors = Partial<Record<FieldName | 'form', string>>;

const fieldNames: FieldName[] = ['serverUrl', 'clinicId', 'token'];

const isFieldName = (path: string): path is FieldName => (fieldNames as string[]).includes(path);

/**
 * A failed call's errors where main put them: beside each field it names, else above the Connect
 * button (a server in trouble, say, is about no one field).
 */
function errorsFromFailure(error: AppError): Errors {
  const errors: Errors = {};
  for (const field of error.fields ?? []) {
    if (isFieldName(field.path) && !errors[field.path]) errors[field.path] = field.message;
  }
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return errors;
}

/**
 * The IT administrator locked this PC's whole connection: main connects with their values by itself,
 * and staff cannot type others (main refuses them), so there is no form to fill in.
 */
function ManagedConnection() {
  const note = useUi(selectManagedNote);
  return (
    <main className="connect">
      <h1>Connect Clinic Chat Desk</h1>
      <ManagedNote id="connection-managed" note={note} />
      <p>This PC’s connection to the clinic’s server is set up by your clinic’s IT administrator, so there is nothing to enter here.</p>
      <p>Clinic Chat Desk connects by itself. If this screen does not go away, the server may be out of reach: tell your IT administrator.</p>
    </main>
  );
}

export function ConnectionScreen() {
  const fullyManaged = useUi(selectConnectionFullyManaged);
  return fullyManaged ? <ManagedConnection /> : <ConnectionForm />;
}

/**
 * Staff type what the administrator did not pre-set (often just this PC's token); pre-set values fill
 * the form, and locked ones are read-only with the administrator's note.
 */
function ConnectionForm() {
  const { connect } = useActions();
  const prefill = useUi(selectConnectionPrefill);
  const note = useUi(selectManagedNote);
  const locked: Record<FieldName, boolean> = {
    serverUrl: useUi(selectLocked('serverUrl')),
    clinicId: useUi(selectLocked('clinicId')),
    token: useUi(selectLocked('token')),
  };
  const [input, setInput] = useState<ConnectInput>({ serverUrl: prefill?.serverUrl ?? '', clinicId: prefill?.clinicId ?? '', token: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const parsed = connectInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(errorsFromFailure({ code: 'invalid-input', message: 'Check the highlighted fields', fields: fieldErrorsFromIssues(parsed.error.issues) }));
      return;
    }
    setBusy(true);
    const result = await connect(parsed.data);
    setBusy(false);
    setErrors(result.ok ? {} : errorsFromFailure(result.error));
  }

  const field = (name: FieldName, label: string, type: string, hint: string) => {
    const managed = locked[name] && input[name] !== '';
    const noteId = `connect-${name}-managed`;
    return (
      <div className="field">
        <label htmlFor={`connect-${name}`}>{label}</label>
        <input
          id={`connect-${name}`}
          type={type}
          autoComplete="off"
          spellCheck={false}
          value={input[name]}
          readOnly={managed}
          onChange={(event) => setInput({ ...input, [name]: event.target.value })}
          {...(managed ? { 'aria-describedby': noteId } : invalidProps(`connect.${name}`, errors[name]))}
        />
        {managed ? <ManagedNote id={noteId} note={note} /> : <p className="hint">{hint}</p>}
        <FieldMessage path={`connect.${name}`} message={errors[name]} />
      </div>
    );
  };

  return (
    <main className="connect">
      <h1>Connect Clinic Chat Desk</h1>
      <p>Enter the details your clinic’s administrator gave you. You only do this once on each PC.</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {field('serverUrl', 'Server address', 'url', 'For example https://chat.your-clinic.example')}
        {field('clinicId', 'Clinic ID', 'text', 'The clinic’s identifier on that server')}
        {field('token', 'Access token', 'password', 'Kept on this PC, encrypted where the system allows it')}
        {errors.form && (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </form>
    </main>
  );
}
