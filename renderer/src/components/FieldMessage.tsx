// An error message beside the field it is about, tied to it with aria-describedby so a screen reader
// reads it with the field; the warning sign and the text carry the state, not the colour.
function errorIdOf(path: string): string {
  return `error-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** Props that mark a field invalid and point it at its message, when there is one. */
export function invalidProps(path: string, message: string | undefined): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return message ? { 'aria-invalid': true, 'aria-describedby': errorIdOf(path) } : {};
}

export function FieldMessage({ path, message }: { path: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={errorIdOf(path)} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
