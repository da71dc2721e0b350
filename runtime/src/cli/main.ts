import { ConfigError } from '../config/runtimeConfig.js';
import { serveCommand } from './serveCommand.js';
import { validateCommand } from './validateCommand.js';
import { chatCommand } from './chatCommand.js';
import { testCommand } from './testCommand.js';
import { tokenCommand } from './tokenCommand.js';
import { purgeCommand } from './purgeCommand.js';
import { inventoryCommand } from './inventoryCommand.js';

type Command = { run: (args: string[]) => Promise<number>; help: string };

const commands: Record<string, Command> = {
  serve: { run: () => serveCommand(), help: 'serve                  start the runtime and builder (PORT, HOST, DATA_DIR, DATABASE_URL)' },
  validate: validateCommand,
  chat: chatCommand,
  test: testCommand,
  token: tokenCommand,
  purge: purgeCommand,
  inventory: inventoryCommand,
};

function usage(): string {
  return ['Usage: dialogwerk <command> [options]', '', 'Commands:', ...Object.values(commands).map((c) => `  ${c.help}`)].join('\n');
}

export function registerCommand(name: string, command: Command): void {
  commands[name] = command;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
