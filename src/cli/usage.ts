// The top-level help request, apart from the commands: `kl226` and `kl226 --help` are answered from
// the help text the build wrote (build/cli/help.txt, from the command tables), without loading zod
// or any command (src/cli/entry.ts); `kl226 help LỆNH` and `kl226 LỆNH --help` go to the commands.

/** Where the top-level help goes: stdout and exit 0 when asked for, stderr and exit 2 when no command was given. */
export type HelpRequest =
  { readonly stream: "stdout"; readonly code: 0 } | { readonly stream: "stderr"; readonly code: 2 };

export function topHelpRequest(argv: readonly string[]): HelpRequest | undefined {
  const [name, about] = argv;
  if (name === undefined) return { stream: "stderr", code: 2 };
  if ((name === "--help" || name === "-h" || name === "help") && about === undefined)
    return { stream: "stdout", code: 0 };
  return undefined;
}
