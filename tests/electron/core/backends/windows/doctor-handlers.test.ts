/** doctor.run through the registry: the report the contract promises, and params it refuses. */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../../electron/core/app';
import { openLab } from '../lab/lab-fixture';

describe('doctor.run', () => {
  it('answers a report the contract checks, and refuses params', async () => {
    const lab = await openLab('two-node-sql');
    const core = createCore({ backend: lab.backend, dataDir: lab.dataDir, version: 'test', env: {} });
    try {
      const outcome = await core.registry.invoke('doctor.run', {});
      expect(outcome).toMatchObject({ ok: true, result: { platform: { os: process.platform }, backend: { kind: expect.any(String) } } });
      if (process.platform !== 'win32') expect(outcome).toMatchObject({ result: { backend: { kind: 'lab' } } });
      expect(await core.registry.invoke('doctor.run', { verbose: true })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    } finally {
      await core.close();
      await lab.cleanup();
    }
  });
});
