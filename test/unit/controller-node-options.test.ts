import { describe, expect, it } from 'vitest';
import { CONTROLLER_V8_OPTIONS, controllerNodeOptions } from '../../src/controller/node-options.js';

describe('controllerNodeOptions', () => {
  it("adds the controller's V8 options to the inherited ones, without overriding a choice the user made", () => {
    expect(controllerNodeOptions(undefined)).toBe(CONTROLLER_V8_OPTIONS.join(' '));
    expect(controllerNodeOptions('--enable-source-maps')).toBe(
      `--enable-source-maps ${CONTROLLER_V8_OPTIONS.join(' ')}`,
    );
    expect(controllerNodeOptions('--max-semi-space-size=8')).toBe('--max-semi-space-size=8');
  });
});
