import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { close, listen } from '../helpers/loopback';
import { DynamoDbPersistenceAdapter } from '../../lambda/persistence/dynamodb';
import { envelope, localDevice, newSessionId } from '../../lambda/local/simulator/envelope';

/**
 * The DynamoDB client signs with the AWS SDK's SigV4 signer; this checks what it sends against an
 * independent implementation of the documented Signature Version 4 algorithm.
 */
function verifySigV4(
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: string,
  secret: string,
): boolean {
  const authorization = String(headers.authorization);
  const found =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!found) return false;
  const [, , date = '', region = '', service = '', signedHeaders = '', signature = ''] = found;
  const amzDate = String(headers['x-amz-date']);
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((name) => `${name}:${String(headers[name]).trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const hex = (data: string): string => createHash('sha256').update(data).digest('hex');
  const canonicalRequest = [method, path, '', canonicalHeaders, signedHeaders, hex(body)].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, hex(canonicalRequest)].join('\n');
  let key: Buffer = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  for (const part of [region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(stringToSign).digest('hex') === signature;
}

describe('requests to DynamoDB', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('carry a valid SigV4 signature, the JSON protocol headers and the session token', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    process.env.AWS_SESSION_TOKEN = 'session-token-example';
    const received: { method: string; path: string; headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end('{}');
      });
    });
    const endpoint = await listen(server);
    try {
      const adapter = new DynamoDbPersistenceAdapter({
        tableName: 'calf-coach',
        endpoint,
        region: 'eu-west-1',
      });
      const request = envelope(
        localDevice(),
        { sessionId: newSessionId(), isNew: true, attributes: {} },
        { type: 'LaunchRequest' },
        new Date(),
      );
      await adapter.saveAttributes(request, { schemaVersion: 1, welcomed: true });
      expect(await adapter.getAttributes(request)).toEqual({});
      expect(received.map((r) => r.headers['x-amz-target'])).toEqual([
        'DynamoDB_20120810.PutItem',
        'DynamoDB_20120810.GetItem',
      ]);
      for (const r of received) {
        expect(r.method).toBe('POST');
        expect(r.headers['content-type']).toBe('application/x-amz-json-1.0');
        expect(r.headers['x-amz-security-token']).toBe('session-token-example');
        expect(String(r.headers.authorization)).toContain('/eu-west-1/dynamodb/aws4_request');
        expect(
          verifySigV4(r.method, r.path, r.headers, r.body, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'),
        ).toBe(true);
        expect(verifySigV4(r.method, r.path, r.headers, r.body, 'a-different-secret')).toBe(false);
      }
      expect(JSON.parse(received[0]?.body ?? '{}')).toEqual({
        TableName: 'calf-coach',
        Item: {
          id: { S: 'amzn1.ask.account.LOCAL-USER' },
          attributes: { M: { schemaVersion: { N: '1' }, welcomed: { BOOL: true } } },
        },
      });
    } finally {
      await close(server);
    }
  });

  it('on AWS (no local endpoint) refuse to run without credentials from the environment', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    const adapter = new DynamoDbPersistenceAdapter({ tableName: 'calf-coach', region: 'us-east-1' });
    const request = envelope(
      localDevice(),
      { sessionId: newSessionId(), isNew: true, attributes: {} },
      { type: 'LaunchRequest' },
      new Date(),
    );
    await expect(adapter.getAttributes(request)).rejects.toThrow(/No AWS credentials in the environment/);
  });
});
