// SPDX-License-Identifier: MIT
import type { Command } from 'commander';
import { kilnVersion } from '../paths.ts';
import { bashScript, completionModel, zshScript } from './private/completion-script.ts';
import type { Output } from './private/report.ts';

/** Options of `kiln completion SHELL`. */
export interface CompletionCommandOptions {
  /** The shell to write a completion script for. */
  readonly shell: 'bash' | 'zsh';
  /** The command line to complete: the dispatcher's commander program. */
  readonly program: Command;
  readonly output: Output;
}

/**
 * Prints a completion script for bash or zsh, written from the program's
 * own definition: its commands, each command's options (with folder, file
 * or choice completion for their values), and files or folders for operands.
 */
export async function completionCommand(opts: CompletionCommandOptions): Promise<number> {
  const model = completionModel(opts.program);
  const script = opts.shell === 'bash' ? bashScript(model, kilnVersion()) : zshScript(model, kilnVersion());
  opts.output.out(script.trimEnd());
  return 0;
}
