// The demo clinic `npm start` runs: created once in the data directory and kept, its id and staff
// token remembered beside the database (./.data is git-ignored; the file is readable by this user only).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isValidTimeZone } from '../core/zone-clock.ts';
import { clinicExists, createClinic } from '../server/clinic-admin.ts';

type DemoClinic = { clinicId: string; token: string; created: boolean };

const rememberedSchema = z.object({ clinicId: z.string().min(1), token: z.string().min(1) });

const DEMO_CLINIC_NAME = 'Riverside Vets (demo)';

/** The demo clinic of this data directory: the remembered one if the database still has it, else a new one. */
export async function ensureDemoClinic(dataDir: string): Promise<DemoClinic> {
  const file = join(dataDir, 'demo-clinic.json');
  const remembered = existsSync(file) ? rememberedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8'))) : null;
  if (remembered?.success && (await clinicExists({ dataDir }, remembered.data.clinicId))) return { ...remembered.data, created: false };

  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const created = await createClinic({ dataDir }, { name: DEMO_CLINIC_NAME, timezone: isValidTimeZone(zone) ? zone : 'Europe/London' });
  writeFileSync(file, `${JSON.stringify({ clinicId: created.clinicId, token: created.token }, null, 2)}\n`, { mode: 0o600 });
  return { clinicId: created.clinicId, token: created.token, created: true };
}
