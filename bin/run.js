#!/usr/bin/env node
// natsgh entry point: runs the compiled CLI from dist/ through oclif.
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
