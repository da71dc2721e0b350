import { purgeExpiredConversations } from '../retention/purgeExpiredConversations.js';
import { cliCommand } from './cliCommand.js';
import { withDatabase } from './withDatabase.js';

const help = `Usage: dialogwerk purge

Deletes, once, every conversation (transcript, turns, handoffs, contacts) whose last activity is older than its
flow's settings.retentionDays (default 90), in the database of DATA_DIR or DATABASE_URL. The server does the same
every DIALOGWERK_PURGE_INTERVAL seconds; this is for setups that run it from cron instead.

Options:
  -h, --help  show this help`;

export const purgeCommand = cliCommand({
  summary: 'purge                  delete conversations past their retention period, once',
  help,
  run: () =>
    withDatabase(async ({ client }) => {
      const count = await purgeExpiredConversations(client);
      process.stdout.write(`Deleted ${count} expired conversation${count === 1 ? '' : 's'}.\n`);
      return 0;
    }),
});
