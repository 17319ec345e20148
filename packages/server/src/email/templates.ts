/**
 * The emails the server sends. A message is `{ to, kind, organization, subject, text, html, url }`; its words
 * come from templates, plain and replaceable as a whole (pass `templates` to translate them or match a brand).
 * The link is the invitation's `<acceptUrl>?code=<code>`; nothing else in a message carries the code.
 */
export type EmailKind = 'invitation' | 'resend' | 'renewal';

export interface EmailMessage {
  to: string;
  kind: EmailKind;
  organization: { slug: string; name: string };
  subject: string;
  text: string;
  html: string;
  url: string;
}

export interface TemplateInput {
  organization: { slug: string; name: string };
  url: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export type EmailTemplates = Record<EmailKind, (input: TemplateInput) => RenderedEmail>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(subject: string, lead: string, action: string, url: string): RenderedEmail {
  const text = `${lead}\n\n${action}: ${url}\n\nIf you were not expecting this, you can ignore this email.\n`;
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; line-height: 1.5">
<p>${escapeHtml(lead)}</p>
<p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p>
<p style="color: #555">If the button does not work, open this link: ${escapeHtml(url)}</p>
<p style="color: #555">If you were not expecting this, you can ignore this email.</p>
</body></html>
`;
  return { subject, text, html };
}

/** The default English templates; their subjects match the mock's outbox. */
export const DEFAULT_TEMPLATES: EmailTemplates = {
  invitation: ({ organization, url }) =>
    render(
      `You're invited to join ${organization.name}`,
      `You have been invited to join ${organization.name}.`,
      'Accept the invitation',
      url,
    ),
  resend: ({ organization, url }) =>
    render(
      `Reminder: you're invited to join ${organization.name}`,
      `A reminder: you have been invited to join ${organization.name}.`,
      'Accept the invitation',
      url,
    ),
  renewal: ({ organization, url }) =>
    render(
      `A new invitation to join ${organization.name}`,
      `You have a new invitation to join ${organization.name}; the earlier link no longer works.`,
      'Accept the invitation',
      url,
    ),
};

export function composeMessage(
  templates: EmailTemplates,
  to: string,
  kind: EmailKind,
  input: TemplateInput,
): EmailMessage {
  const rendered = templates[kind](input);
  return { to, kind, organization: input.organization, url: input.url, ...rendered };
}
