import { type AlertDto, type LiveBusMessage, roomsFor } from '@barometer/core';

/**
 * The dashboard's copy of an alert: one live event to everyone who may read alerts (their banner
 * and browser notification). Published on the bus by the caller after its commit.
 */
export function alertLiveMessage(
  type: 'alert.raised' | 'alert.updated',
  alert: AlertDto,
): LiveBusMessage {
  return { kind: 'events', rooms: roomsFor('alerts.read'), events: [{ type, alert }] };
}
