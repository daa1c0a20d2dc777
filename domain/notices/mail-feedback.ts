import * as z from 'zod';

/**
 * What SES says after sending (its configuration set's events, through SNS): an address that
 * bounced for good, or whose owner marked the mail as spam, must stop getting mail (SES pauses an
 * account near 10 % bounces or 0.5 % complaints) and be shown to the admin to fix in the
 * directory. A transient bounce (a full mailbox) is not: the next day's mail may arrive.
 */
const recipients = z.array(z.object({ emailAddress: z.string() }));
export const sesEventSchema = z.object({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z.object({ timestamp: z.string().optional(), messageId: z.string().optional() }).optional(),
  bounce: z.object({ bounceType: z.string(), bounceSubType: z.string().optional(), bouncedRecipients: recipients, timestamp: z.string().optional() }).optional(),
  complaint: z.object({ complainedRecipients: recipients, complaintFeedbackType: z.string().optional(), timestamp: z.string().optional() }).optional(),
});

export interface Suppression {
  /** Lower-cased. */
  email: string;
  kind: 'bounce' | 'complaint';
  at: string;
  /** SES's reason, as given ("Permanent/General", "abuse"). */
  detail: string;
}

/** The addresses an SES event says to stop mailing; none for a delivery or a transient bounce. */
export function suppressionsOf(event: z.infer<typeof sesEventSchema>, receivedAt: Date): Suppression[] {
  const type = event.eventType ?? event.notificationType;
  if (type === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
    const at = event.bounce.timestamp ?? receivedAt.toISOString();
    return event.bounce.bouncedRecipients.map(({ emailAddress }) => ({ email: emailAddress.trim().toLowerCase(), kind: 'bounce', at, detail: `${event.bounce!.bounceType}/${event.bounce!.bounceSubType ?? ''}` }));
  }
  if (type === 'Complaint' && event.complaint) {
    const at = event.complaint.timestamp ?? receivedAt.toISOString();
    return event.complaint.complainedRecipients.map(({ emailAddress }) => ({ email: emailAddress.trim().toLowerCase(), kind: 'complaint', at, detail: event.complaint!.complaintFeedbackType ?? 'complaint' }));
  }
  return [];
}
