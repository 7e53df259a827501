/** parse.savedOutput through the registry: what the parsers cannot read is one typed error naming the file and line. */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/app';
import { openLab } from '../backends/lab/lab-fixture';

describe('parse.savedOutput', () => {
  it('answers unreadable output as STATE_UNREADABLE naming the file and the line, and refuses bad params', async () => {
    const lab = await openLab('two-node-sql');
    const core = createCore({ backend: lab.backend, dataDir: lab.dataDir, version: 'test' });
    try {
      const text = '\t* Shadow copy ID = {5f1d8c2a-1b2c-4d3e-8f40-123456789abc}\r\nNumber of shadow copies listed: 2\r\n';
      expect(await core.registry.invoke('parse.savedOutput', { tool: 'diskshadow', text, file: 'cut.txt' })).toMatchObject({
        ok: false,
        error: {
          code: 'STATE_UNREADABLE',
          message: expect.stringMatching(/^cut\.txt is not diskshadow output ShadowSwap can read: .*line 2/),
          details: { file: 'cut.txt', line: 2 },
        },
      });
      expect(await core.registry.invoke('parse.savedOutput', { tool: 'wbadmin', text })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    } finally {
      await core.close();
      await lab.cleanup();
    }
  });
});
