import { XMLValidator } from 'fast-xml-parser';
import type { Exchange } from '../../lambda/local/simulator/simulator';

const MAX_SPEECH_CHARS = 8000;
const MAX_RESPONSE_BYTES = 24 * 1024;
const MAX_BREAK_MS = 10_000;

function breaksMs(ssml: string): number[] {
  return [...ssml.matchAll(/<break\s+time="(\d+(?:\.\d+)?)(ms|s)"\s*\/>/g)].map(([, n, unit]) =>
    unit === 's' ? Number(n) * 1000 : Number(n),
  );
}

function checkSsml(ssml: string, label: string): string[] {
  const problems: string[] = [];
  if (!/^<speak>[\s\S]*<\/speak>$/.test(ssml)) problems.push(`${label}: not wrapped in <speak>`);
  const valid = XMLValidator.validate(ssml);
  if (valid !== true) problems.push(`${label}: malformed SSML: ${valid.err.msg}`);
  if (/&(?!amp;|lt;|gt;|quot;|apos;)/.test(ssml)) problems.push(`${label}: unescaped &`);
  const text = ssml.replace(/<[^>]*>/g, '');
  if (/[<>]/.test(text)) problems.push(`${label}: unescaped < or >`);
  for (const ms of breaksMs(ssml)) if (ms > MAX_BREAK_MS) problems.push(`${label}: break of ${ms} ms`);
  const breakTags = (ssml.match(/<break\b/g) ?? []).length;
  if (breakTags !== breaksMs(ssml).length) problems.push(`${label}: a break without a valid time`);
  if (ssml.length > MAX_SPEECH_CHARS) problems.push(`${label}: ${ssml.length} characters`);
  if (/undefined|NaN|\[object Object\]|null/.test(text)) problems.push(`${label}: placeholder text leaked`);
  if (/\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+\b/.test(text))
    problems.push(`${label}: looks like a resource key: ${text}`);
  return problems;
}

/** The one check every response in every test goes through: platform limits and speech hygiene. */
export function responseProblems(exchange: Exchange): string[] {
  const { response } = exchange.response;
  const problems: string[] = [];
  if (exchange.request.request.type === 'SessionEndedRequest') {
    if (response.outputSpeech) problems.push('speech in answer to SessionEndedRequest');
    return problems;
  }
  const speech = response.outputSpeech;
  if (speech?.type !== 'SSML') return ['no SSML outputSpeech'];
  problems.push(...checkSsml(speech.ssml, 'speech'));
  if (response.shouldEndSession === false) {
    const reprompt = response.reprompt?.outputSpeech;
    if (reprompt?.type !== 'SSML') problems.push('session left open without a reprompt');
    else problems.push(...checkSsml(reprompt.ssml, 'reprompt'));
  }
  const bytes = Buffer.byteLength(JSON.stringify(exchange.response));
  if (bytes > MAX_RESPONSE_BYTES) problems.push(`response is ${bytes} bytes`);
  return problems;
}

export function expectValidResponse(exchange: Exchange): void {
  const problems = responseProblems(exchange);
  if (problems.length > 0) {
    throw new Error(
      `Response to "${exchange.utterance ?? exchange.request.request.type}" breaks the rules:\n- ${problems.join('\n- ')}\n${exchange.ssml}`,
    );
  }
}
