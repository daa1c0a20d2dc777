import middy from '@middy/core';
import * as z from 'zod';
import { sesEventSchema, suppressionsOf } from '../../domain/notices/mail-feedback.ts';
import { parseOrThrow } from '../../domain/validation.ts';
import { suppress } from '../shared/store/suppressions.ts';

const snsEventSchema = z.object({ Records: z.array(z.object({ Sns: z.object({ Message: z.string() }) })).min(1) });

/**
 * SES's bounce and complaint events, through SNS: each address that bounced for good or
 * complained is kept as suppressed, so no notice goes to it again and the admin sees it.
 * Idempotent (SNS may deliver twice); a message that is not an SES event fails with its name.
 */
export async function recordMailFeedback(event: unknown): Promise<{ suppressed: number }> {
  const { Records } = parseOrThrow(snsEventSchema, event);
  let suppressed = 0;
  for (const { Sns } of Records) {
    const sesEvent = parseOrThrow(sesEventSchema, JSON.parse(Sns.Message) as unknown);
    for (const entry of suppressionsOf(sesEvent, new Date())) {
      await suppress(entry);
      suppressed++;
    }
  }
  return { suppressed };
}

export const handler = middy(recordMailFeedback);
