import { describe, expect, it } from 'vitest';
import { recordMailFeedback } from '../../functions/mail-feedback/handler.ts';
import { addressesOf } from '../../functions/shared/dispatch/notices.ts';
import { localStackPerFile } from '../support/local-stack.ts';

const ctx = localStackPerFile();
const COMMUNE = 'sadec-tan-phu-dong';
const LEADER = 'bithu.tanphudong@sadec.doan.example';

/** An SES event as its configuration set publishes it to SNS. */
const snsOf = (...events: unknown[]) => ({ Records: events.map((event) => ({ Sns: { Message: JSON.stringify(event) } })) });
const bounce = (address: string, bounceType: 'Permanent' | 'Transient') => ({
  eventType: 'Bounce',
  mail: { timestamp: '2027-03-02T01:00:00.000Z' },
  bounce: { bounceType, bounceSubType: 'General', timestamp: '2027-03-02T01:00:05.000Z', bouncedRecipients: [{ emailAddress: address }] },
});

describe('bounces and complaints from SES', () => {
  it('stops mailing an address that bounced for good or complained, lists it for the admin, and ignores a full mailbox and a repeat', async () => {
    // Prepare: the commune's leader gets its notices today
    const before = await addressesOf(COMMUNE, ['leader']);
    const cityBefore = await addressesOf('sadec', ['leader', 'organiser']);

    // Act: a permanent bounce (delivered twice, as SNS may), a transient one, a complaint
    const permanent = snsOf(bounce(LEADER.toUpperCase(), 'Permanent'));
    await recordMailFeedback(permanent);
    await recordMailFeedback(permanent);
    await recordMailFeedback(snsOf(bounce('bithu@sadec.doan.example', 'Transient')));
    await recordMailFeedback(snsOf({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'xaydungdoan@sadec.doan.example' }], complaintFeedbackType: 'abuse' } }));
    const after = await addressesOf(COMMUNE, ['leader']);
    const city = await addressesOf('sadec', ['leader', 'organiser']);
    const listed = await ctx.local.api<{ suppressed: { email: string; kind: string }[] }>('GET', '/api/stuck-records', await ctx.local.signIn('quantri-dongthap'));

    // Assess
    expect(before).toContain(LEADER);
    expect(cityBefore).toEqual(expect.arrayContaining(['bithu@sadec.doan.example', 'xaydungdoan@sadec.doan.example']));
    expect(after).not.toContain(LEADER);
    expect(city).toContain('bithu@sadec.doan.example');
    expect(city).not.toContain('xaydungdoan@sadec.doan.example');
    expect(listed.body.suppressed.map(({ email, kind }) => `${kind} ${email}`).sort()).toEqual([`bounce ${LEADER}`, 'complaint xaydungdoan@sadec.doan.example']);
  });

  it('refuses what is not an SES event through SNS, by name', async () => {
    // Act + Assess
    await expect(recordMailFeedback({ Records: [] })).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(recordMailFeedback(snsOf({ bounce: { bouncedRecipients: 'nobody' } }))).rejects.toMatchObject({ name: 'ValidationError' });
  });
});
