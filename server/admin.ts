// `npm run admin -- create-clinic --name "Riverside Vets" --timezone Europe/London`
// `npm run admin -- rotate-token --clinic <id>`
// Works on the same storage as the server (CHATDESK_DATA_DIR or CHATDESK_DATABASE_URL, or flags),
// whether or not the server is running. Prints the token once: it is stored only as a hash.
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

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      timezone: { type: 'string' },
      clinic: { type: 'string' },
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
    },
  });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
const { values, positionals } = parsed;
const location = {
  dataDir: values['data-dir'] ?? (process.env.CHATDESK_DATA_DIR || './.data'),
  databaseUrl: values['database-url'] ?? (process.env.CHATDESK_DATABASE_URL || undefined),
};

switch (positionals[0]) {
  case 'create-clinic': {
    if (!values.name || !values.timezone) fail(`create-clinic needs --name and --timezone\n${usage}`);
    try {
      const created = await createClinic(location, { name: values.name, timezone: values.timezone });
      if (values.json) console.log(JSON.stringify(created));
      else console.log(`clinic id: ${created.clinicId}\nstaff token: ${created.token}\n(The token is shown only this once; give it to the clinic's staff app now.)`);
    } catch (error) {
      if (error instanceof InvalidClinicError) fail(`Cannot create the clinic: ${error.message}`);
      throw error;
    }
    break;
  }
  case 'rotate-token': {
    if (!values.clinic) fail(`rotate-token needs --clinic\n${usage}`);
    const token = await rotateClinicToken(location, values.clinic);
    if (token === null) fail(`There is no clinic with id ${values.clinic}`);
    if (values.json) console.log(JSON.stringify({ clinicId: values.clinic, token }));
    else console.log(`new staff token: ${token}\n(Every earlier token of this clinic stopped working.)`);
    break;
  }
  default:
    fail(usage);
}
