import { describe, expect, it } from 'vitest';
import { backoffMs, isPermanentFailure } from '../../src/controller/consumer.js';
import { carriesTrailer, decideEvent } from '../../src/controller/decide.js';
import { MetricsRegistry } from '../../src/controller/metrics.js';
import { NatsghError } from '../../src/errors.js';
import { examplePayloads, GithubModel } from '../support/github-model.js';

const ctx = { org: 'acme', generatedRepo: '.github', selfLogins: new Set(['natsgh-bot']) };
const model = new GithubModel({ writeGapMs: 0 });
model.createRepo('acme', '.github');

function decide(name: string, payload: any) {
  return decideEvent(
    {
      name,
      owner: payload.repository?.owner?.login ?? 'acme',
      repo: payload.repository?.name ?? '',
      payload,
    },
    ctx,
  );
}

describe('decideEvent', () => {
  it('regenerates on a push to the default branch touching natsgh.yaml or templates', () => {
    expect(decide('push', model.push('acme', '.github', { 'natsgh.yaml': 'variables: {}\n' })).action).toBe(
      'regenerate',
    );
    expect(
      decide('push', model.push('acme', '.github', { 'natsgh/templates/SECURITY.md': 'x' })).action,
    ).toBe('regenerate');
    expect(decide('push', model.push('acme', '.github', { 'docs/a.md': 'x' }))).toEqual({
      action: 'ignore',
      reason: 'push_without_natsgh_changes',
    });
  });

  it('never triggers on its own pushes (identity or trailer) or other branches/owners', () => {
    expect(
      decide('push', model.push('acme', '.github', { 'natsgh.yaml': 'a: 1\n' }, { sender: 'natsgh-bot' }))
        .reason,
    ).toBe('own_push');
    const trailer = model.push(
      'acme',
      '.github',
      { 'natsgh.yaml': 'b: 1\n' },
      { message: `regen\n\nNatsgh-Generated: ${'a'.repeat(64)}` },
    );
    expect(decide('push', trailer).reason).toBe('own_commit');
    const branch = model.push('acme', '.github', { 'natsgh.yaml': 'c: 1\n' });
    branch.ref = 'refs/heads/feature';
    expect(decide('push', branch).reason).toBe('push_not_default_branch');
    const tag = examplePayloads('push')[0];
    expect(decide('push', tag).action).toBe('ignore');
  });

  it('regenerates on repository created/renamed in the org and on natsgh.regenerate dispatches', () => {
    const repos = examplePayloads('repository');
    for (const p of repos) p.repository.owner.login = 'acme';
    const actions = repos.map((p) => [p.action, decide('repository', p).action]);
    expect(
      actions
        .filter(([, a]) => a === 'regenerate')
        .map(([x]) => x)
        .sort(),
    ).toEqual(['created', 'created', 'renamed']);
    const dispatch = examplePayloads('repository_dispatch')[0];
    dispatch.repository.owner.login = 'acme';
    expect(decide('repository_dispatch', dispatch).reason).toBe('dispatch_type');
    dispatch.action = 'natsgh.regenerate';
    expect(decide('repository_dispatch', dispatch)).toMatchObject({
      action: 'regenerate',
      owner: 'acme',
      repo: '.github',
    });
    const wd = examplePayloads('workflow_dispatch')[0];
    wd.repository.owner.login = 'acme';
    wd.inputs = { type: 'natsgh.regenerate' };
    expect(decide('workflow_dispatch', wd).action).toBe('regenerate');
    const other = examplePayloads('repository')[1];
    expect(decide('repository', other).reason).toBe('other_owner');
    expect(
      decide('issues', {
        ...examplePayloads('issues')[0],
        repository: { name: 'x', owner: { login: 'acme' } },
      }).reason,
    ).toBe('event_not_handled');
  });

  it('recognises the trailer only as a trailer line', () => {
    expect(carriesTrailer(`x\n\nNatsgh-Generated: ${'f'.repeat(64)}\n`)).toBe(true);
    expect(carriesTrailer('mentions Natsgh-Generated: in prose')).toBe(false);
  });
});

describe('consumer policies and metrics', () => {
  it('backs off exponentially up to a minute; permanent failures are not retried', () => {
    expect([1, 2, 3, 10].map((n) => backoffMs(n, 1000))).toEqual([1000, 2000, 4000, 60_000]);
    expect(isPermanentFailure(new NatsghError('x', { code: 'github_permission' }))).toBe(true);
    expect(isPermanentFailure(new NatsghError('x', { code: 'github_unavailable' }))).toBe(false);
  });
  it('renders Prometheus text', () => {
    const m = new MetricsRegistry();
    m.define('a_total', 'counter', 'A.');
    m.inc('a_total', { reason: 'x"y' });
    expect(m.render()).toBe('# HELP a_total A.\n# TYPE a_total counter\na_total{reason="x\\"y"} 1\n');
  });
});
