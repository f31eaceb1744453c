import { hardwareCommands } from '../../../hardware/cli/commands.ts';

/** Runs one hardware command the way the server's CLI dispatches it: tsx run-hardware-command.ts NAME ARGS... */
const [name, ...args] = process.argv.slice(2);
const command = name ? hardwareCommands[name] : undefined;
if (!command) {
  console.error(
    `unknown hardware command "${name ?? ''}"; known: ${Object.keys(hardwareCommands).join(', ')}`,
  );
  process.exit(2);
}
process.exitCode = await command(args);
