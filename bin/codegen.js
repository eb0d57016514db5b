#!/usr/bin/env node
// The CLI, bundled into one file by `npm run build` (run by `npm ci` through `prepare`): one file loads faster.
import { main } from '../dist/codegen.mjs';

process.exitCode = await main(process.argv.slice(2));
