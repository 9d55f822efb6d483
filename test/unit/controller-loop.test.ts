// "No event sequence can make it commit forever": random sequences of user
// actions, each followed by the events GitHub would send, including the push of
// every commit the controller makes. The cascade always ends, and the controller
// commits at most once per user action that changes what it renders.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideEvent } from '../../src/controller/decide.js';
import { regenerateRepository } from '../../src/controller/regenerate.js';
import { createGithubClient, type GithubClient } from '../../src/github/client.js';
import { examplePayloads, GITHUB_API, GithubModel } from '../support/github-model.js';

const ORG = 'acme';
const REPO = '.github';
const BOT = 'natsgh-bot';
const model = new GithubModel({ writeGapMs: 0 });
let github: GithubClient;
const variables = {
  org: ORG,
  org_name: ORG,
  deployment: 'd',
  github_repo: REPO,
  security_contact: 's@acme.test',
  support_url: 'https://acme.test',
  conduct_contact: 'c@acme.test',
  default_labels: 'triage',
};

beforeAll(async () => {
  model.listen();
  github = await createGithubClient({ kind: 'token', token: 'ghp_loop_test_token_1234567' }, GITHUB_API, {
    writeMinTimeMs: 0,
  });
});
afterAll(() => model.close());

type Action =
  | { kind: 'config'; name: string }
  | { kind: 'handEdit' }
  | { kind: 'unrelated' }
  | { kind: 'dispatch' }
  | { kind: 'repoCreated' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('config' as const), name: fc.constantFrom('Acme', 'Acme Inc', 'ACME') }),
  fc.constant({ kind: 'handEdit' as const }),
  fc.constant({ kind: 'unrelated' as const }),
  fc.constant({ kind: 'dispatch' as const }),
  fc.constant({ kind: 'repoCreated' as const }),
);

describe('snake prevention', () => {
  it('every event cascade ends, with at most one commit per user action', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (actions, botSendsAsOther) => {
          const repo = REPO;
          const owner = `${ORG}${++run}`;
          model.createRepo(owner, repo, { 'README.md': 'hi\n' });
          const ctx = { org: owner, generatedRepo: REPO, selfLogins: new Set([BOT]) };
          let commits = 0;
          for (const a of actions) {
            const queue: Array<{ name: string; payload: any }> = [];
            if (a.kind === 'config') {
              queue.push({
                name: 'push',
                payload: model.push(owner, repo, { 'natsgh.yaml': `variables:\n  org_name: ${a.name}\n` }),
              });
            } else if (a.kind === 'handEdit') {
              queue.push({ name: 'push', payload: model.push(owner, repo, { 'SECURITY.md': 'mine now\n' }) });
            } else if (a.kind === 'unrelated') {
              queue.push({
                name: 'push',
                payload: model.push(owner, repo, { 'docs/x.md': String(Math.random()) }),
              });
            } else if (a.kind === 'dispatch') {
              const p = examplePayloads('repository_dispatch')[0];
              p.action = 'natsgh.regenerate';
              p.repository.owner.login = owner;
              p.repository.name = repo;
              queue.push({ name: 'repository_dispatch', payload: p });
            } else {
              const p = examplePayloads('repository').find((x) => x.action === 'created')!;
              p.repository.owner.login = owner;
              queue.push({ name: 'repository', payload: p });
            }
            let steps = 0;
            let commitsThisAction = 0;
            while (queue.length > 0) {
              expect(++steps).toBeLessThan(10);
              const e = queue.shift()!;
              const d = decideEvent({ name: e.name, owner, repo, payload: e.payload }, ctx);
              if (d.action !== 'regenerate') continue;
              const r = await regenerateRepository({ github, owner, repo, variables, instanceId: 'loop' });
              if (r.changed) {
                commits++;
                commitsThisAction++;
                // GitHub then sends the push of that commit, sometimes attributed to someone else.
                queue.push({
                  name: 'push',
                  payload: model.lastCommitAsPush(owner, repo, botSendsAsOther ? 'octocat' : BOT),
                });
              }
            }
            expect(commitsThisAction).toBeLessThanOrEqual(1);
          }
          expect(commits).toBeLessThanOrEqual(actions.length);
          // Whatever happened, one more regeneration is a fixed point or repairs a hand edit once.
          await regenerateRepository({ github, owner, repo, variables, instanceId: 'loop' });
          const again = await regenerateRepository({ github, owner, repo, variables, instanceId: 'loop' });
          expect(again.changed).toBe(false);
        },
      ),
      { numRuns: 6 },
    );
  }, 60_000);
});
