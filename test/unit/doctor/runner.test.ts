import { describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../../../src/doctor/check.js';
import { DOCTOR_CHECK_IDS } from '../../../src/doctor/registry.js';
import { runDoctor } from '../../../src/doctor/run.js';
import { registerSecret } from '../../../src/redact.js';
import { testConfig } from './standins.js';

function check(
  id: string,
  run: DoctorCheck['run'],
  appliesTo: DoctorCheck['appliesTo'] = () => true,
): DoctorCheck {
  return { id, title: id.toUpperCase(), appliesTo, run };
}

describe('doctor runner', () => {
  it('turns a throwing or hanging check into a failed row and keeps the others', async () => {
    const started: string[] = [];
    const report = await runDoctor({
      config: await testConfig(),
      timeoutMs: 300,
      checks: [
        check('good', async () => ({ status: 'ok', message: 'fine' })),
        check('boom', async () => {
          throw new Error('kaboom');
        }),
        check('hang', (ctx) => {
          started.push('hang');
          return new Promise((resolve) =>
            ctx.signal.addEventListener('abort', () => resolve({ status: 'ok', message: 'too late' })),
          );
        }),
        check(
          'bad-applies',
          async () => ({ status: 'ok', message: 'x' }),
          () => {
            throw new Error('applies exploded');
          },
        ),
        check(
          'na',
          async () => ({ status: 'fail', message: 'never runs' }),
          () => 'not for this mode',
        ),
      ],
    });
    expect(report.ok).toBe(false);
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(byId.good).toEqual({ id: 'good', title: 'GOOD', status: 'ok', message: 'fine', hint: null });
    expect(byId.boom.status).toBe('fail');
    expect(byId.boom.message).toBe('crashed: kaboom');
    expect(byId.boom.hint).toMatch(/NATSGH_DEBUG=1/);
    expect(byId.hang).toMatchObject({ status: 'fail', message: 'timed out after 0.3 s' });
    expect(byId['bad-applies'].message).toBe('crashed: applies exploded');
    expect(byId.na).toEqual({
      id: 'na',
      title: 'NA',
      status: 'skip',
      message: 'not for this mode',
      hint: null,
    });
    expect(report.checks.map((c) => c.id)).toEqual(['good', 'boom', 'hang', 'bad-applies', 'na']);
  });

  it('runs checks concurrently', async () => {
    const slow = (id: string) =>
      check(
        id,
        () => new Promise((resolve) => setTimeout(() => resolve({ status: 'ok', message: id }), 200)),
      );
    const t0 = performance.now();
    await runDoctor({ config: await testConfig(), checks: [slow('a'), slow('b'), slow('c'), slow('d')] });
    expect(performance.now() - t0).toBeLessThan(700);
  });

  it('--ignore turns a named failure into a warning and the report ok', async () => {
    const checks = [
      check('flaky', async () => ({ status: 'fail', message: 'down', hint: 'start it' })),
      check('fine', async () => ({ status: 'ok', message: 'up' })),
    ];
    const report = await runDoctor({ config: await testConfig(), checks, ignore: ['flaky'] });
    expect(report.ok).toBe(true);
    expect(report.checks[0]).toMatchObject({ status: 'warn', ignored: true, hint: 'start it' });
    expect(report.checks[0].message).toContain('ignored by --ignore flaky');
    await expect(runDoctor({ config: await testConfig(), checks, ignore: ['flakey'] })).rejects.toMatchObject(
      {
        exit: 2,
        message: '--ignore: unknown check id flakey',
      },
    );
  });

  it('redacts secrets a check puts in its message', async () => {
    registerSecret('hunter2-webhook-secret');
    const report = await runDoctor({
      config: await testConfig(),
      checks: [
        check('leaky', async () => ({ status: 'fail', message: 'saw hunter2-webhook-secret', hint: 'x' })),
      ],
    });
    expect(report.checks[0].message).toBe('saw [REDACTED]');
  });

  it('has a unique id for every registered check', () => {
    expect(new Set(DOCTOR_CHECK_IDS).size).toBe(DOCTOR_CHECK_IDS.length);
    expect(DOCTOR_CHECK_IDS.length).toBeGreaterThanOrEqual(15);
  });
});
