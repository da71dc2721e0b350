import { readFileSync } from 'node:fs';
import { CliInputError } from './cliCommand.js';

/** Reads a flow document from disk; anything short of parsed JSON is an input error (exit 2), not a flow problem. */
export function readFlowFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new CliInputError(`cannot read flow file ${file}: ${reason}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`flow file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}
