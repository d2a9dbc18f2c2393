/**
 * DynamoDB's attribute-value JSON for the values the skill stores (strings, finite numbers, booleans,
 * null, lists and maps), both ways. Undefined values and properties are left out, as the AWS SDK's
 * `removeUndefinedValues` does; anything else (a set, binary) is not the skill's and reads as undefined.
 * Small on purpose: it is all of @aws-sdk/util-dynamodb the Lambda bundle needs.
 */

export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly L: readonly AttributeValue[] }
  | { readonly M: Readonly<Record<string, AttributeValue>> };

export function toAttribute(value: unknown): AttributeValue | undefined {
  if (value === undefined) return undefined;
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a number DynamoDB can store: ${String(value)}`);
    return { N: String(value) };
  }
  if (Array.isArray(value)) {
    return { L: (value as unknown[]).flatMap((item) => toAttribute(item) ?? []) };
  }
  if (typeof value === 'object') return { M: toAttributeMap(value as Record<string, unknown>) };
  throw new TypeError(`not a value DynamoDB can store: ${typeof value}`);
}

export function toAttributeMap(record: Readonly<Record<string, unknown>>): Record<string, AttributeValue> {
  const map: Record<string, AttributeValue> = {};
  for (const [key, item] of Object.entries(record)) {
    const attribute = toAttribute(item);
    if (attribute !== undefined) map[key] = attribute;
  }
  return map;
}

export function fromAttribute(attribute: unknown): unknown {
  if (typeof attribute !== 'object' || attribute === null) return undefined;
  const value = attribute as Record<string, unknown>;
  if (typeof value.S === 'string') return value.S;
  if (typeof value.N === 'string') return Number(value.N);
  if (typeof value.BOOL === 'boolean') return value.BOOL;
  if (value.NULL === true) return null;
  if (Array.isArray(value.L)) return (value.L as unknown[]).map(fromAttribute);
  if (typeof value.M === 'object' && value.M !== null) {
    const record: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value.M as Record<string, unknown>))
      record[key] = fromAttribute(item);
    return record;
  }
  return undefined;
}
