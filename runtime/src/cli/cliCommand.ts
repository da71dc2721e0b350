import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Input the command cannot work with (unreadable file, bad JSON): exit code 2, as opposed to 1 for failing checks. */
export class CliInputError extends Error {}

/** A mistake in how the command was called: like CliInputError, but the command's help is shown too. */
export class CliUsageError extends CliInputError {}

export type ParsedArgs = { values: Record<string, string | boolean | undefined>; positionals: string[] };

export interface CliCommandSpec {
  /** One line for `dialogwerk --help`. */
  summary: string;
  /** The full text for `dialogwerk <command> --help`. */
  help: string;
  options?: ParseArgsConfig['options'];
  positionals?: { min: number; max?: number };
  run: (args: ParsedArgs) => Promise<number>;
}

/**
 * Wraps a command so all of them treat `--help`, unknown options and input errors the same way, leaving the command
 * itself with only its work to do.
 */
export function cliCommand(spec: CliCommandSpec): { run: (args: string[]) => Promise<number>; help: string } {
  const help = spec.help.trimEnd();
  return {
    help: spec.summary,
    run: async (args) => {
      if (args.includes('--help') || args.includes('-h')) {
        process.stdout.write(`${help}\n`);
        return 0;
      }
      try {
        const parsed = parseArgs({ args, options: spec.options ?? {}, allowPositionals: true, strict: true }) as ParsedArgs;
        const { min, max } = spec.positionals ?? { min: 0, max: 0 };
        if (parsed.positionals.length < min) throw new CliUsageError('missing argument');
        if (max !== undefined && parsed.positionals.length > max) throw new CliUsageError(`unexpected argument "${parsed.positionals[max]}"`);
        return await spec.run(parsed);
      } catch (error) {
        const parseError = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
        if (error instanceof CliUsageError || parseError) {
          process.stderr.write(`Error: ${(error as Error).message}\n\n${help}\n`);
          return 2;
        }
        if (error instanceof CliInputError) {
          process.stderr.write(`Error: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
    },
  };
}
