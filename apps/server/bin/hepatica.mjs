#!/usr/bin/env node
// The `hepatica` command. The server runs its TypeScript through tsx so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
