import { serveCommand } from './serve-command.ts';
import { verifyCommand } from './verify-command.ts';
import { backupCommand } from './backup-command.ts';
import { seedDemoCommand } from './seed-demo-command.ts';
import { UsageError } from './args.ts';

type Command = (argv: string[]) => Promise<number>;

const SERVER_COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  verify: verifyCommand,
  'seed-demo': seedDemoCommand,
  backup: backupCommand,
};

const USAGE = `usage: npm run khiu -- <command> [options]
  serve      --port P --host H --data DIR     run the office server (port 0 picks a free port)
             [--allowed-hosts a,b] [--tls-cert FILE --tls-key FILE]
             [--anonymous-rate N --anonymous-burst N]   see docs/security.md
  verify     --data DIR                        check the ledger and every table, read-only (safe beside serve)
             [--checkpoints FILE]              and hold it against a saved copy of GET /api/ledger/checkpoints
  seed-demo  --data DIR --weeks N --per-day M  fill an empty data directory with realistic history
  backup     --data DIR --out FILE             online backup of the database
  start      --data DIR --port P --host H [--config FILE] [serve's security flags]
                                               server + device agent (virtual printer and display without --config)
  agent      --server URL --station ID --token-file FILE [--config FILE]
                                               the device agent of one paired agent station
  virtual-printer --port P --out DIR           an ESC/POS printer on TCP that renders tickets to PNG
  virtual-display --port P --protocol NAME     a counter display on TCP
  print-test --printer URI [--profile NAME] [--mode text|raster|auto] [--codepage N]
  display-test --display URI --protocol NAME --text TEXT
  devices                                      list serial ports`;

/** Hardware commands live in hardware/ and are loaded only when asked for. */
async function hardwareCommand(name: string): Promise<Command | undefined> {
  try {
    const { hardwareCommands } = (await import('../../hardware/cli/commands.ts')) as {
      hardwareCommands: Record<string, Command>;
    };
    return hardwareCommands[name];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = SERVER_COMMANDS[name] ?? (await hardwareCommand(name));
  if (!command) throw new UsageError(`unknown command: ${name}\n${USAGE}`);
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`khiu: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`khiu: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
