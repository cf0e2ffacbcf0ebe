export { type ReceivedMail, type SmtpSink, startSmtpSink } from './smtp-sink.ts';
export { startWebhookSink, type WebhookCall, type WebhookSink } from './webhook-sink.ts';
