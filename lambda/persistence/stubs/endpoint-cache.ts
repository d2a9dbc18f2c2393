/**
 * Bundle-time stand-in for @aws-sdk/endpoint-cache: the client is built with endpoint discovery off
 * (createClient), so the discovered-endpoint cache is never read or written.
 */
export class EndpointCache {
  get(): undefined {
    return undefined;
  }
  set(): void {
    // endpoint discovery is off
  }
  delete(): void {
    // endpoint discovery is off
  }
  has(): boolean {
    return false;
  }
  clear(): void {
    // endpoint discovery is off
  }
}
