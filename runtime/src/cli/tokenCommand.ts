import { ensureAdminToken, rotateAdminToken } from '../server/adminToken.js';
import { cliCommand } from './cliCommand.js';
import { withDatabase } from './withDatabase.js';

const help = `Usage: dialogwerk token [--rotate]

Prints the admin token stored in the database (DATA_DIR or DATABASE_URL), generating one if there is none yet.
Only the token goes to stdout, so it can be captured: TOKEN=$(npx dialogwerk token).

Options:
  --rotate    replace the stored token with a new one and print it; a running server switches to it within
              10 seconds and the old one stops working
  -h, --help  show this help

When DIALOGWERK_ADMIN_TOKEN is set, the server uses that instead of the stored token; the command says so.`;

export const tokenCommand = cliCommand({
  summary: 'token [--rotate]       print (or rotate) the stored admin token',
  help,
  options: { rotate: { type: 'boolean' } },
  run: ({ values }) =>
    withDatabase(async ({ db }, config) => {
      let token: string;
      if (values.rotate) {
        token = await rotateAdminToken(db);
        process.stderr.write('Rotated the admin token. A running server accepts only the new one within 10 seconds.\n');
      } else {
        const stored = await ensureAdminToken(db);
        token = stored.token;
        if (stored.source === 'generated') process.stderr.write('No admin token was stored yet; generated one.\n');
      }
      if (config.adminToken) {
        process.stderr.write('Note: DIALOGWERK_ADMIN_TOKEN is set and wins: the server accepts that token, not the stored one below.\n');
      }
      process.stdout.write(`${token}\n`);
      return 0;
    }),
});
