/** Fired on window when the server says the sign-in ended: the app shows the sign-in page. */
export const SESSION_ENDED_EVENT = 'barometer:session-ended';
