/** Every CLI command, in the order `shadowswap --help` lists them. */
import type { Command } from '../command';
import { doctorCommand } from './doctor';
import { inventoryCommands } from './inventory';
import { labCommands } from './lab';
import { parseCommands } from './parse';
import { recoveryCommands } from './recovery';
import { reportCommands } from './report';
import { serveCommand } from './serve';
import { snapshotCommands } from './snapshot';

export const commands: Command[] = [
  ...recoveryCommands,
  ...snapshotCommands,
  ...reportCommands,
  ...inventoryCommands,
  serveCommand,
  ...labCommands,
  doctorCommand,
  ...parseCommands,
];
