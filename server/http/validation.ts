// zod issues as the `{ path, message }` list every validation error carries.
import type { z } from 'zod';
import type { FieldError } from '../../core/index.ts';

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
