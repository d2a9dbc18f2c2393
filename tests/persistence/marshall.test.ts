import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { fromAttribute, toAttribute, toAttributeMap } from '../../lambda/persistence/marshall';

/** The adapter's own marshalling writes what the AWS SDK's would, and reads it back. */

const SAMPLES: Record<string, unknown>[] = [
  {
    schemaVersion: 1,
    preferences: { holdScale: 1.5, rate: 'slow', quiet: false },
    welcomed: true,
    progress: { routineId: 'cramp', stepIndex: 2, at: 1_790_000_000_000 },
    reminderToken: 'amzn1.alert.1',
  },
  { list: [1, 'two', { three: null }, [true]], empty: {}, none: [] },
];

describe('DynamoDB marshalling', () => {
  it.each(SAMPLES)('matches @aws-sdk/util-dynamodb both ways (%#)', (sample) => {
    expect(toAttributeMap(sample)).toEqual(marshall(sample, { removeUndefinedValues: true }));
    expect(fromAttribute({ M: toAttributeMap(sample) })).toEqual(unmarshall(marshall(sample)));
  });

  it('leaves out undefined values, and refuses what DynamoDB cannot store', () => {
    expect(toAttributeMap({ a: undefined, b: { c: undefined, d: 1 }, e: [undefined, 2] })).toEqual({
      b: { M: { d: { N: '1' } } },
      e: { L: [{ N: '2' }] },
    });
    expect(() => toAttribute(Number.NaN)).toThrow();
    expect(() => toAttribute(() => 1)).toThrow();
    expect(fromAttribute({ SS: ['a'] })).toBeUndefined();
    expect(fromAttribute(undefined)).toBeUndefined();
  });
});
