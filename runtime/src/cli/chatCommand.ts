import readline from 'node:readline';
import type { Json } from '@dialogwerk/nodes';
import { ApiError } from '../apiError.js';
import type { TurnResponse } from '../conversations/chatResponse.js';
import { CliUsageError, cliCommand } from './cliCommand.js';
import { toUserInput } from './chatInput.js';
import { renderTurn, renderVars } from './chatRender.js';
import { formatProblem } from './formatProblem.js';
import { FlowInvalidError, createInProcessBot, type BotConversation } from './inProcessBot.js';
import { readFlowFile } from './readFlowFile.js';

const help = `Usage: dialogwerk chat <flow.json> [--locale de|en] [--context '{"name":"value"}']

Talks to a flow in the terminal, without a server: the flow is published into a temporary database and runs on the
same engine as the server. Choices are numbered; type a number, a label or any text.

Commands while chatting:
  /restart   start a new conversation
  /vars      show the conversation's variables
  /help      show these commands
  /quit      leave (end of input does the same)

Options:
  --locale <code>    conversation language (default: the flow's first locale)
  --context <json>   a JSON object setting declared variables at start
  -h, --help         show this help

Exit codes: 0 done, 1 the flow has errors, 2 unreadable file or bad options.`;

function parseContext(raw: string | undefined): Record<string, Json> | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new CliUsageError(`--context is not valid JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CliUsageError('--context must be a JSON object');
  return value as Record<string, Json>;
}

const print = (lines: string[]) => {
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
};

export const chatCommand = cliCommand({
  summary: 'chat <flow.json>       talk to a flow in the terminal (--locale, --context)',
  help,
  options: { locale: { type: 'string' }, context: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  run: async ({ values, positionals }) => {
    const locale = values.locale as string | undefined;
    if (locale !== undefined && !locale.trim()) throw new CliUsageError('--locale must not be empty');
    const context = parseContext(values.context as string | undefined);
    const document = readFlowFile(positionals[0]!);
    let bot: Awaited<ReturnType<typeof createInProcessBot>>;
    try {
      bot = await createInProcessBot(document);
    } catch (error) {
      if (!(error instanceof FlowInvalidError)) throw error;
      print([`Cannot chat: ${error.message}.`, ...error.problems.map((problem) => `  ${formatProblem(problem)}`)]);
      return 1;
    }
    // The temporary database goes away however the process ends.
    process.once('exit', bot.close);
    try {
      await converse(() => bot.start({ locale, context }));
    } finally {
      bot.close();
    }
    return 0;
  },
});

async function converse(start: () => Promise<BotConversation>): Promise<void> {
  let conversation = await start();
  let last: TurnResponse = conversation.opening;
  print(renderTurn(last, undefined));

  const interactive = Boolean(process.stdin.isTTY);
  const rl = readline.createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  rl.setPrompt('you> ');
  rl.on('SIGINT', () => rl.close());
  process.once('SIGTERM', () => rl.close());
  if (interactive) rl.prompt();

  for await (const line of rl) {
    // Piped input is not echoed by a terminal; echoing it keeps the output a readable transcript.
    if (!interactive) print([`you> ${line}`]);
    const command = line.trim();
    if (command === '/quit' || command === '/exit') break;
    if (command === '/restart') {
      conversation = await start();
      last = conversation.opening;
      print(['-- new conversation --', ...renderTurn(last, undefined)]);
    } else if (command === '/vars') {
      print(renderVars(await conversation.state()));
    } else if (command === '/help') {
      print(['/restart  new conversation', '/vars     show variables', '/quit     leave']);
    } else if (command !== '') {
      try {
        const response = await conversation.send(toUserInput(line, last.input));
        print(renderTurn(response, last.status));
        last = response;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        process.stderr.write(`error: ${error.message}\n`);
      }
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
