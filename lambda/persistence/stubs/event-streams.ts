/** Bundle-time stand-in for @smithy/core/event-streams: DynamoDB's GetItem and PutItem never stream events. */
const unsupported = (): never => {
  throw new Error('event streams are not bundled');
};

export class EventStreamSerde {
  serializeEventStream = unsupported;
  deserializeEventStream = unsupported;
}

export const eventStreamSerdeProvider = unsupported;
