// Where natsgh's events go (queued in the state dir until NATS is up, then the
// NATSGH_EVENTS stream): the one method phases and services publish through.
export interface EventSink {
  /**
   * Publishes one event. `type` is the subject token (e.g. "phase", "deployment"),
   * `payloadType` the protobuf message name, `id` derived from what the event
   * describes so that a retried publish is stored once.
   */
  publish(event: { type: string; payloadType: string; payload: Uint8Array; id: string }): Promise<void>;
}
