// `npm run admin -- create-clinic --name "Riverside Vets" --timezone Europe/London` or `rotate-token --clinic <id>`,
// on the server's storage whether or not it runs. Prints the token once: it is stored only as a hash.
import { parseArgs } from 'node:util';
import { InvalidClinicError, createClinic, rotateClinicToken } from './clinic-admin.ts';

const usage = `Usage:
  npm run admin -- create-clinic --name "Riverside Vets" --timezone Europe/London [--json]
  npm run admin -- rotate-token --clinic <clinic id> [--json]
Storage: CHATDESK_DATA_DIR (default ./.data) or CHATDESK_DATABASE_URL, or --data-dir / --database-url.`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const string = { type: 'string' } as const;
let parsed;
try {
  const options = { name: string, timezone: string, clinic: string, 'data-dir': string, 'database-url': string, json: { type: 'boolean', default: false } } as const;
  parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
const { values, positionals } = parsed;
const location = { dataDir: values['data-dir'] ?? (process.env.CHATDESK_DATA_DIR || './.data'), databaseUrl: values['database-url'] ?? (process.env.CHATDESK_DATABASE_URL || undefined) };

if (positionals[0] === 'create-clinic') {
  if (!values.name || !values.timezone) fail(`create-clinic needs --name and --timezone\n${usage}`);
  const created = await createClinic(location, { name: values.name, timezone: values.timezone }).catch((error: unknown) => {
    if (error instanceof InvalidClinicError) fail(`Cannot create the clinic: ${error.message}`);
    throw error;
  });
  console.log(values.json ? JSON.stringify(created) : `clinic id: ${created.clinicId}\nstaff token: ${created.token}\n(The token is shown only this once; give it to the clinic's staff app now.)`);
} else if (positionals[0] === 'rotate-token') {
  if (!values.clinic) fail(`rotate-token needs --clinic\n${usage}`);
  const token = (await rotateClinicToken(location, values.clinic)) ?? fail(`There is no clinic with id ${values.clinic}`);
  console.log(values.json ? JSON.stringify({ clinicId: values.clinic, token }) : `new staff token: ${token}\n(Every earlier token of this clinic stopped working.)`);
} else {
  fail(usage);
}
