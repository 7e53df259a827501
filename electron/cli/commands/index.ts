/** Every CLI command, in the order `shadowswap --help` lists them. */
import type { Command } from '../command';
import { inventoryCommands } from './inventory';
import { labCommands } from './lab';
import { serveCommand } from './serve';

export const commands: Command[] = [...inventoryCommands, serveCommand, ...labCommands];
