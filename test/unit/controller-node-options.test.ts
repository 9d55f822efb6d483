import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROLLER_V8_OPTIONS, controllerNodeOptions } from '../../src/controller/node-options.js';
import { ROOT } from '../support/cli.js';

describe('controllerNodeOptions', () => {
  it("adds the controller's V8 options to the inherited ones, without overriding a choice the user made", () => {
    expect(controllerNodeOptions(undefined)).toBe(CONTROLLER_V8_OPTIONS.join(' '));
    expect(controllerNodeOptions('--enable-source-maps')).toBe(
      `--enable-source-maps ${CONTROLLER_V8_OPTIONS.join(' ')}`,
    );
    expect(controllerNodeOptions('--max-semi-space-size=8')).toBe('--max-semi-space-size=8 --v8-pool-size=1');
  });

  it('the container image (docker and kubernetes modes) starts the controller with them too', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`ENV NODE_OPTIONS="${CONTROLLER_V8_OPTIONS.join(' ')}"`);
  });
});
