/** An email as every template produces it: Vietnamese, in HTML and in plain text. */
export interface MailMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
}
