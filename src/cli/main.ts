// The `drillbench` command line: every command over the same services the app uses.
import { StorageError } from '../storage/storage-error';
import { ImportCancelled, ImportError } from '../services/import/import-engine';
import { FileReadError } from '../services/import/text-source';
import { EXIT, parseCommandArgs, UsageError, type CliCommand, type CliIo } from './cli-command';
import { compositeCommand } from './commands/composite-command';
import { demoCommand } from './commands/demo-command';
import { desurveyCommand } from './commands/desurvey-command';
import { importCommand } from './commands/import-command';
import { interceptsCommand } from './commands/intercepts-command';
import { newCommand } from './commands/new-command';
import { runsCommand } from './commands/runs-command';
import { validateCommand } from './commands/validate-command';
import { webCommand } from './commands/web-command';
import { exportCommand } from './commands/export-command';
import { certificateCommand } from './commands/certificate-command';
import { methodPriorityCommand } from './commands/method-priority-command';
import { qaqcCommand } from './commands/qaqc-command';
import { settingsCommand } from './commands/settings-command';

export const COMMANDS: CliCommand[] = [
  newCommand,
  importCommand,
  validateCommand,
  demoCommand,
  webCommand,
  interceptsCommand,
  compositeCommand,
  desurveyCommand,
  runsCommand,
  exportCommand,
  certificateCommand,
  methodPriorityCommand,
  qaqcCommand,
  settingsCommand,
];

const VERSION = '0.1.0';

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'drillbench: drill-hole data workbench',
    '',
    'Usage: drillbench <command> [options]   (drillbench <command> --help for its options)',
    '',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
  ].join('\n');
}

/** Runs one command line and returns the exit status; never throws. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(
      `Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run drillbench --help.`,
    );
    return EXIT.usage;
  }
  try {
    const { positionals, values } = parseCommandArgs(command, rest);
    if (values.help === true) {
      io.out(command.help);
      return EXIT.ok;
    }
    return await command.run(positionals, values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return EXIT.usage;
    }
    if (error instanceof ImportError || error instanceof FileReadError) {
      io.err(`${error.message} Nothing was imported.`);
      return EXIT.failed;
    }
    if (error instanceof StorageError || error instanceof ImportCancelled) {
      io.err(error.message);
      return EXIT.failed;
    }
    io.err(
      `drillbench ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return EXIT.failed;
  }
}
