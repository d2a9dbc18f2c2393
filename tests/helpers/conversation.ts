import type { PersistenceAdapter } from 'ask-sdk-core';
import { localDevice, type Device } from '../../lambda/local/simulator/envelope';
import { Resolver } from '../../lambda/local/simulator/nlu';
import { Simulator, type Exchange } from '../../lambda/local/simulator/simulator';
import { MemoryPersistenceAdapter } from '../../lambda/persistence/memory';
import { skillBuilder } from '../../lambda/skill';
import { loadModel } from './model';
import { expectValidResponse } from './response-checks';

process.env.CALF_COACH_LOG ??= 'silent';

export interface ConversationOptions {
  readonly adapter?: PersistenceAdapter;
  readonly device?: Partial<Device>;
  readonly start?: Date;
  /** The model used to understand words, when it differs from the device's locale. */
  readonly modelLocale?: string;
  /** Keep talking in the same session after the skill ended it (to prove a flag holds whatever comes). */
  readonly ignoreSessionEnd?: boolean;
}

/**
 * A person talking to Calf Coach through the real skill pipeline: words resolved against the real
 * interaction model, real envelopes, a clock the test moves. Every response is checked.
 */
export class Conversation {
  readonly adapter: PersistenceAdapter;
  readonly transcript: string[] = [];
  readonly exchanges: Exchange[] = [];
  private nowMs: number;
  private readonly simulator: Simulator;

  constructor(options: ConversationOptions = {}) {
    this.adapter = options.adapter ?? new MemoryPersistenceAdapter();
    this.nowMs = (options.start ?? new Date('2026-11-25T02:30:00Z')).getTime();
    const device = localDevice(options.device);
    const skill = skillBuilder({ persistenceAdapter: this.adapter }).create();
    const modelLocale = options.modelLocale ?? device.locale;
    const resolver = new Resolver(loadModel(modelLocale), modelLocale);
    this.simulator = new Simulator(
      skill,
      resolver,
      device,
      () => new Date(this.nowMs),
      options.ignoreSessionEnd ?? false,
    );
  }

  get sessionOpen(): boolean {
    return this.simulator.sessionOpen;
  }

  /** Moves the clock on, as if the person had taken that long. */
  wait(ms: number): void {
    this.nowMs += ms;
  }

  private record(exchange: Exchange): Exchange {
    expectValidResponse(exchange);
    this.exchanges.push(exchange);
    if (exchange.utterance !== undefined) this.transcript.push(`U: ${exchange.utterance}`);
    if (exchange.text) this.transcript.push(`A: ${exchange.text}${exchange.ended ? '  (session ends)' : ''}`);
    return exchange;
  }

  async say(utterance: string): Promise<Exchange> {
    this.wait(5_000);
    return this.record(await this.simulator.say(utterance));
  }

  /** Says each in turn; returns the last answer. */
  async sayAll(...utterances: string[]): Promise<Exchange> {
    let last: Exchange | undefined;
    for (const utterance of utterances) last = await this.say(utterance);
    if (!last) throw new Error('nothing said');
    return last;
  }

  async endSession(): Promise<void> {
    const exchange = await this.simulator.endSession();
    if (exchange) this.record(exchange);
  }

  /** Opens the skill by its name, in any language. */
  async launch(): Promise<Exchange> {
    this.wait(5_000);
    return this.record(await this.simulator.launch('[launch]'));
  }

  /** The person's answer to Alexa's own permission question (any words while it asks). */
  async answerPermission(approved: boolean): Promise<Exchange> {
    this.wait(5_000);
    return this.record(await this.simulator.answerPermission(approved, approved ? '[approve]' : '[decline]'));
  }

  /** The device as the skill sees it, and the clock now. */
  get device(): Device {
    return this.simulator.device;
  }

  get now(): Date {
    return new Date(this.nowMs);
  }

  /** Sends an intent directly, bypassing the words (for requests no utterance produces). */
  async intent(name: string): Promise<Exchange> {
    this.wait(5_000);
    return this.record(await this.simulator.intent({ name, slots: [] }, false, `[${name}]`));
  }

  /** What the store holds for this conversation's user. */
  async stored(): Promise<Record<string, unknown>> {
    const exchange = this.exchanges[this.exchanges.length - 1];
    if (!exchange) return {};
    return await this.adapter.getAttributes(exchange.request);
  }
}
