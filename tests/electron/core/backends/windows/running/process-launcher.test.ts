/**
 * The real launcher decodes what a tool prints with the console's code page: a stand-in that writes a French
 * diskshadow line in code page 850 bytes is read with its accents, where UTF-8 decoding garbled it.
 */
import { describe, expect, it } from 'vitest';
import {
  createSpawnLauncher,
  spawnLauncher,
  type LaunchRequest,
} from '../../../../../../electron/core/backends/windows/running/process-launcher';
import { standInDir, standInTool } from './stand-in-tools';

/** "Acc\x8as refus\x82." on stdout and "2 clich\x82s import\x82s" on stderr: what a code page 850 console writes. */
const CP850_TOOL = `
process.stdout.write(Buffer.from([0x41, 0x63, 0x63, 0x8a, 0x73, 0x20, 0x72, 0x65, 0x66, 0x75, 0x73, 0x82, 0x2e, 0x0d, 0x0a]));
process.stderr.write(Buffer.from('2 clich\\x82s import\\x82s', 'latin1'));
`;

function request(executable: string): LaunchRequest {
  return { tool: 'diskshadow', executable, args: [], script: null, scratchDir: null, timeoutMs: 20_000 };
}

describe('the spawning launcher', () => {
  it("decodes a tool's stdout and stderr with the console code page it wrote them in", async () => {
    const tool = standInTool(standInDir(), 'diskshadow.exe', CP850_TOOL);
    let asked = 0;
    const launcher = createSpawnLauncher({
      consoleCodePage: async () => {
        asked += 1;
        return 850;
      },
    });
    const result = await launcher.launch(request(tool));
    expect(result.stdout).toBe('Accès refusé.\r\n');
    expect(result.stderr).toBe('2 clichés importés');
    expect(asked).toBe(1);
  });

  it('would have garbled the same bytes as UTF-8 (an unknown code page still reads that way)', async () => {
    const tool = standInTool(standInDir(), 'diskshadow.exe', CP850_TOOL);
    const result = await createSpawnLauncher({ consoleCodePage: async () => null }).launch(request(tool));
    expect(result.stdout).not.toContain('Accès');
    expect(result.stdout).toContain('\ufffd');
  });

  it('reads UTF-8 stand-ins as UTF-8 off Windows', async () => {
    const tool = standInTool(standInDir(), 'diskshadow.exe', "process.stdout.write('clichés');");
    expect((await spawnLauncher.launch(request(tool))).stdout).toBe('clichés');
  });
});
