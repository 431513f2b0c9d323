// `synergy` command line (bin/synergy.mjs). Each command lives in ./commands.
import { Command } from 'commander';
import { VERSION } from '../version.ts';
import { registerCoreCommands } from './commands/core.ts';
import { registerMatchCommand } from './commands/match.ts';
import { registerScheduleCommand } from './commands/schedule.ts';
import { registerAssignCommand } from './commands/assign.ts';
import { registerDirectoryCommands } from './commands/directory.ts';
import { registerFundCommand } from './commands/fund.ts';

const program = new Command();
program.name('synergy').description('Synergy — cross-border science and technology cooperation exchange').version(VERSION)
  .showHelpAfterError();
registerCoreCommands(program);
registerMatchCommand(program);
registerScheduleCommand(program);
registerAssignCommand(program);
registerDirectoryCommands(program);
registerFundCommand(program);

await program.parseAsync(process.argv);
