#!/usr/bin/env node
// `barometer <command>`: thin wrappers over the packages. Each command module exports
// `run(args): Promise<number>` and returns the process exit code.

const commands = {
  migrate: () => import('./commands/migrate.ts'),
  seed: () => import('./commands/seed.ts'),
  'parse-feed': () => import('./commands/parse-feed.ts'),
  score: () => import('./commands/score.ts'),
  user: () => import('./commands/user.ts'),
  pull: () => import('./commands/pull.ts'),
  report: () => import('./commands/report.ts'),
  erase: () => import('./commands/erase.ts'),
  oncall: () => import('./commands/oncall.ts'),
} as const;

type CommandName = keyof typeof commands;

function usage(): string {
  return `usage: barometer <command> [options]\n\ncommands:\n${Object.keys(commands)
    .map((c) => `  ${c}`)
    .join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (!Object.hasOwn(commands, name)) {
    process.stderr.write(`barometer: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  const command = await commands[name as CommandName]();
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`barometer: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
