#!/usr/bin/env node
// The `shadowswap` command. The CLI itself is bundled into dist/cli.cjs by `npm run build`
// (run automatically by `npm install`).
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('shadowswap: the CLI has not been built yet. Run "npm run build" in the ShadowSwap folder, then try again.\n');
  process.exit(1);
}
require(bundle);
