import { envelope, LOCAL_SKILL_ID, localDevice, newSessionId } from '../simulator/envelope';

/**
 * A ready `curl` command that posts a sample LaunchRequest to the server at `url`, as printed when
 * `npm run serve -- --no-verify` starts (a request without Alexa's signature is refused otherwise).
 */
export function launchCurl(url: string, skillId: string = LOCAL_SKILL_ID): string {
  const target = url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//127.0.0.1:');
  const body = JSON.stringify(
    envelope(
      localDevice({ applicationId: skillId }),
      { sessionId: newSessionId(), isNew: true, attributes: {} },
      { type: 'LaunchRequest' },
      new Date(),
    ),
  );
  const quoted = `'${body.replace(/'/g, `'\\''`)}'`;
  return `curl -s -X POST ${target}/ -H 'content-type: application/json' -d ${quoted}`;
}
