// SPDX-License-Identifier: MIT
// Shell completion scripts written from the commander program itself, so a
// command or option added to the dispatcher is completed without anyone
// remembering to edit a script.
import type { Command } from 'commander';

/** What a word in a given place may be: a file, a folder, one of a list, or anything (no completion). */
export type ValueKind =
  | { readonly kind: 'file' }
  | { readonly kind: 'dir' }
  | { readonly kind: 'choice'; readonly values: readonly string[] }
  | { readonly kind: 'none' };

/** An option as completion sees it. */
export interface CompletionOption {
  /** Its spellings, short first: ['-o', '--outdir']. */
  readonly names: readonly string[];
  readonly description: string;
  /** What its value is; undefined for a flag. */
  readonly value?: ValueKind;
  /** The value's name in help (DIR). */
  readonly valueName?: string;
  /** May be given more than once. */
  readonly repeatable: boolean;
}

/** An operand as completion sees it. */
export interface CompletionOperand {
  readonly name: string;
  readonly required: boolean;
  readonly value: ValueKind;
}

/** A command as completion sees it. */
export interface CompletionCommand {
  readonly name: string;
  readonly description: string;
  readonly options: readonly CompletionOption[];
  readonly operands: readonly CompletionOperand[];
}

/** The whole command line as completion sees it. */
export interface CompletionModel {
  readonly program: string;
  readonly options: readonly CompletionOption[];
  readonly commands: readonly CompletionCommand[];
}

/**
 * What an operand or option value named NAME holds, by the name help shows
 * for it: FILE is a file, DIR, LIBDIR and IMAGE (an image folder) are
 * folders, A and B (assembly folders or git revisions) are either.
 */
const KINDS_BY_NAME: Readonly<Record<string, ValueKind>> = {
  FILE: { kind: 'file' },
  DIR: { kind: 'dir' },
  LIBDIR: { kind: 'dir' },
  IMAGE: { kind: 'dir' },
  A: { kind: 'file' },
  B: { kind: 'file' },
};

/** The completion model of a commander program: its visible commands, their options and operands. */
export function completionModel(program: Command): CompletionModel {
  const help = program.createHelp();
  const names = help.visibleCommands(program).map((c) => c.name());
  const options = (cmd: Command): CompletionOption[] => help.visibleOptions(cmd).map((o) => {
    const valueName = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1];
    const takesValue = o.required || o.optional;
    const value: ValueKind | undefined = !takesValue ? undefined
      : o.argChoices ? { kind: 'choice', values: o.argChoices }
      : valueName?.includes('|') ? { kind: 'choice', values: valueName.split('|') }
      : KINDS_BY_NAME[valueName ?? ''] ?? { kind: 'none' };
    return {
      names: [o.short, o.long].filter((n): n is string => Boolean(n)),
      description: o.description,
      ...(value ? { value } : {}),
      ...(valueName ? { valueName } : {}),
      // The dispatcher says so in the option's help, the one place a user reads it.
      repeatable: /[ (]repeatable\)$/.test(o.description),
    };
  });
  return {
    program: program.name(),
    options: options(program),
    commands: help.visibleCommands(program).map((c) => ({
      name: c.name(),
      description: c.summary() || c.description(),
      options: options(c),
      operands: c.registeredArguments.map((a) => ({
        name: a.name(),
        required: a.required,
        value: a.argChoices ? { kind: 'choice', values: a.argChoices }
          : a.name() === 'COMMAND' ? { kind: 'choice', values: names.filter((n) => n !== 'help') }
          : KINDS_BY_NAME[a.name()] ?? { kind: 'none' },
      })),
    })),
  };
}

/** A word in single quotes for bash or zsh. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Bash statements that fill COMPREPLY for a value of this kind. */
function bashValue(value: ValueKind): string {
  switch (value.kind) {
    case 'file': return '_kiln_files';
    case 'dir': return '_kiln_dirs';
    case 'choice': return `_kiln_words ${quote(value.values.join(' '))}`;
    case 'none': return 'COMPREPLY=()';
  }
}

/**
 * A bash completion script: commands, each command's options, the values
 * of options that take one, and files or folders for operands.
 */
export function bashScript(model: CompletionModel, version: string): string {
  const fn = `_${model.program}_complete`;
  const words = (opts: readonly CompletionOption[]) => opts.flatMap((o) => o.names).join(' ');
  const valueOptions = model.commands.flatMap((c) => c.options.filter((o) => o.value).flatMap((o) => o.names.map((n) => `${c.name} ${n}`)));
  const commandCases = model.commands.map((c) => {
    const byPrev = c.options.filter((o) => o.value).map((o) => `        ${o.names.join('|')}) ${bashValue(o.value!)}; return 0 ;;`);
    const byPosition = c.operands.map((a, i) => `        ${i}) ${bashValue(a.value)} ;;`);
    return [
      `    ${c.name})`,
      ...(byPrev.length ? ['      case $prev in', ...byPrev, '      esac'] : []),
      `      if [[ $cur == -* ]]; then _kiln_words ${quote(words(c.options))}; return 0; fi`,
      ...(byPosition.length ? ['      case $n in', ...byPosition, '      esac'] : []),
      '      ;;',
    ].join('\n');
  });
  return `# bash completion for ${model.program} (Kiln ${version}), written by \`${model.program} completion bash\`.
# Load it in this shell:  source <(${model.program} completion bash)
# or for every shell:     ${model.program} completion bash > ~/.local/share/bash-completion/completions/${model.program}

_kiln_words() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
}

_kiln_files() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

_kiln_dirs() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -d -- "$cur")
}

# Whether option $2 of command $1 takes a value (the next word).
_kiln_takes_value() {
  case "$1 $2" in
${valueOptions.length ? `    ${valueOptions.map(quote).join('|')}) return 0 ;;\n` : ''}  esac
  return 1
}

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local cmd='' word i n=0
  COMPREPLY=()
  # The command is the first word that is not an option; n counts the
  # command's operands before the cursor (options and their values skipped).
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if [[ -z $cmd ]]; then
      [[ $word != -* ]] && cmd=$word
    elif _kiln_takes_value "$cmd" "$word"; then
      ((i++))
    elif [[ $word != -* ]]; then
      ((n++))
    fi
  done
  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then _kiln_words ${quote(words(model.options))}; else _kiln_words ${quote(model.commands.map((c) => c.name).join(' '))}; fi
    return 0
  fi
  case $cmd in
${commandCases.join('\n')}
  esac
  return 0
}

complete -F ${fn} ${model.program}
`;
}

/** Text safe inside an _arguments description ([...]) or message (:...:). */
function zshText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\[/g, '(').replace(/\]/g, ')').replace(/:/g, '\\:');
}

/** The action part of an _arguments spec for a value of this kind. */
function zshAction(value: ValueKind): string {
  switch (value.kind) {
    case 'file': return '_files';
    case 'dir': return '_files -/';
    case 'choice': return `(${value.values.join(' ')})`;
    case 'none': return ' ';
  }
}

/** One _arguments spec per spelling of an option; spellings exclude each other unless repeatable. */
function zshOption(o: CompletionOption): string[] {
  const exclude = o.repeatable ? '*' : o.names.length > 1 ? `(${o.names.join(' ')})` : '';
  return o.names.map((name) => {
    const spelling = o.value ? `${name}${name.startsWith('--') ? '=' : '+'}` : name;
    const value = o.value ? `:${zshText(o.valueName ?? 'VALUE')}:${zshAction(o.value)}` : '';
    return quote(`${exclude}${spelling}[${zshText(o.description)}]${value}`);
  });
}

/**
 * A zsh completion function (#compdef): commands with their summaries,
 * each command's options with descriptions, and operands by kind.
 */
export function zshScript(model: CompletionModel, version: string): string {
  const fn = `_${model.program}`;
  const commands = model.commands.map((c) => `      ${quote(`${c.name.replace(/:/g, '\\:')}:${c.description}`)}`);
  const cases = model.commands.map((c) => {
    const specs = [
      ...c.options.flatMap(zshOption),
      ...c.operands.map((a) => quote(`${a.required ? ':' : '::'}${zshText(a.name)}:${zshAction(a.value)}`)),
    ];
    return `        ${c.name})\n          _arguments -s \\\n            ${specs.join(' \\\n            ')}\n          ;;`;
  });
  return `#compdef ${model.program}
# zsh completion for ${model.program} (Kiln ${version}), written by \`${model.program} completion zsh\`.
# Load it in this shell:  source <(${model.program} completion zsh)
# or for every shell:     ${model.program} completion zsh > "\${fpath[1]}/_${model.program}"

${fn}() {
  local curcontext=$curcontext state line
  typeset -A opt_args
  _arguments -C \\
    ${model.options.flatMap((o) => zshOption({ ...o, names: o.names })).map((s) => s.replace(/^'(\([^)]*\))?/, "'(- *)")).join(' \\\n    ')} \\
    '1:command:->command' \\
    '*::argument:->argument'
  case $state in
    command)
      local -a commands
      commands=(
${commands.join('\n')}
      )
      _describe -t commands '${model.program} command' commands
      ;;
    argument)
      curcontext=\${curcontext%:*:*}:${model.program}-$words[1]:
      case $words[1] in
${cases.join('\n')}
      esac
      ;;
  esac
}

if [[ $funcstack[1] == ${fn} ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${model.program}
fi
`;
}
