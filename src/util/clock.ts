/** The current time, injectable so expiry and retry tests are deterministic. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
