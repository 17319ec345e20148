import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_RESENDS } from '../src/limits.js';
import { ADMIN, GLOBEX, frozen, refused, setup } from './test-support.js';

describe('settings', () => {
  it('answers the defaults and the read-only limits', async () => {
    const { engine } = await setup();
    assert.deepEqual(await engine.getSettings(ADMIN, 'acme'), {
      invitationRequestsEnabled: true,
      invitationTtlDays: 7,
      allowedDomains: [],
      maxResends: MAX_RESENDS,
      maxEmailsPerInvite: 100,
      maxCsvRows: 100,
    });
    assert.equal((await engine.getSettings(GLOBEX, 'globex')).invitationRequestsEnabled, false);
  });

  it('changes the three changeable fields, storing domains lower-cased', async () => {
    const { engine } = await setup();
    const s = await engine.updateSettings(ADMIN, 'acme', {
      invitationTtlDays: 30,
      allowedDomains: ['Acme.COM', 'acme.com'],
      invitationRequestsEnabled: false,
    });
    assert.equal(s.invitationTtlDays, 30);
    assert.deepEqual(s.allowedDomains, ['acme.com']);
    assert.equal(s.invitationRequestsEnabled, false);
    assert.equal((await engine.updateSettings(ADMIN, 'acme', { invitationTtlDays: 1 })).invitationTtlDays, 1);
  });

  it('refuses out-of-range, read-only and unknown fields as invalid_request naming them, and changes nothing', async () => {
    const { engine } = await setup();
    const before = await frozen(engine);
    const cases: [unknown, string][] = [
      [{ invitationTtlDays: 0 }, 'invitationTtlDays'],
      [{ invitationTtlDays: 31 }, 'invitationTtlDays'],
      [{ invitationTtlDays: 1.5 }, 'invitationTtlDays'],
      [{ invitationRequestsEnabled: 'yes' }, 'invitationRequestsEnabled'],
      [{ allowedDomains: ['not a domain'] }, 'allowedDomains[0]'],
      [{ maxResends: 5 }, 'maxResends'],
      [{ colour: 'red' }, 'colour'],
      [{ invitationTtlDays: 10, maxCsvRows: 1 }, 'maxCsvRows'],
      [[], 'body'],
    ];
    for (const [patch, field] of cases) {
      const error = await refused(() => engine.updateSettings(ADMIN, 'acme', patch), 'invalid_request');
      assert.ok(
        error.fieldErrors?.some((f) => f.field === field),
        `${JSON.stringify(patch)} names ${field}: ${JSON.stringify(error.fieldErrors)}`,
      );
    }
    assert.equal(
      (await refused(() => engine.updateSettings(ADMIN, 'acme', { maxResends: 5 }), 'invalid_request')).fieldErrors?.[0]
        ?.message,
      'Read-only setting',
    );
    assert.equal(await frozen(engine), before);
  });
});
