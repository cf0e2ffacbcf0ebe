export {
  createMailer,
  type EmailMessage,
  EmailNotConfiguredError,
  EmailRejectedError,
  type Mailer,
  type MailerOptions,
  messageIdFor,
  type SentEmail,
} from './email.ts';
export { alertLiveMessage } from './in-app.ts';
export { hmacSigner } from './signer.ts';
export {
  genericPayload,
  sendWebhook,
  signWebhookBody,
  slackPayload,
  teamsPayload,
  type WebhookDelivery,
  WebhookError,
  type WebhookKind,
  type WebhookOptions,
} from './webhooks.ts';
