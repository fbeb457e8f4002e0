// core's parseSettings, loaded after the first render: it comes with every zod schema (about 30 KB
// gzip to download and evaluate), which the grid does not need to appear. Until it arrives, the
// field errors main computed with the same function are shown (exact while nothing is edited here).
import type { ChatSettings } from '../../../core/schemas/schedule.ts';
import type { FieldError } from '../../../core/schemas/schedule.ts';

export type ValidateDraft = (draft: ChatSettings) => FieldError[];

export async function loadDraftValidator(): Promise<ValidateDraft> {
  const { parseSettings } = await import('../../../core/schemas/schedule.ts');
  return (draft) => {
    const parsed = parseSettings(draft);
    return parsed.ok ? [] : parsed.errors;
  };
}
