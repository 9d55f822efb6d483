import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../src/system/suggest.js';

describe('closestMatch', () => {
  it('finds typos, case and separator variants, and last-segment matches', () => {
    expect(editDistance('doctr', 'doctor')).toBe(1);
    expect(closestMatch('doctr', ['config', 'doctor', 'bootstrap'])).toBe('doctor');
    expect(closestMatch('controler:run', ['controller:run', 'events:tail'])).toBe('controller:run');
    expect(closestMatch('nats_type', ['mode', 'natsType'])).toBe('natsType');
    expect(closestMatch('monitorPort', ['nats.port', 'nats.monitorPort'])).toBe('nats.monitorPort');
  });

  it('suggests nothing for an unrelated word', () => {
    expect(closestMatch('kubernetes', ['config', 'doctor', 'status'])).toBeUndefined();
  });
});
