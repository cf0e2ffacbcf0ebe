import {
  CARE_OPINION_KEY,
  type Simulator,
  YOUTUBE_CHANNEL,
  YOUTUBE_KEY,
} from '@barometer/simulator';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { careOpinionConnector } from '../../src/care-opinion/care-opinion-connector.ts';
import { quotaPacingSeconds } from '../../src/youtube/quota.ts';
import { youtubeConnector } from '../../src/youtube/youtube-connector.ts';
import { connectorError } from '../support/poll.ts';
import { LOOPBACK_POLICY, quietSimulator, socialSource } from './support.ts';

let sim: Simulator;
beforeEach(async () => {
  sim = await quietSimulator();
});
afterEach(() => sim.close());

const who = (h: string) => ({ id: `${h}0000000000000000000000`, handle: h, displayName: h });

describe('YouTube', () => {
  const source = (query: string, key: string | null = YOUTUBE_KEY) =>
    socialSource('youtube', `${sim.url}/youtube`, query, key);

  test('reads matched videos and every reply, asking for replies the thread only summarised', async () => {
    const video = sim.social.youtube.post({
      author: who('trust'),
      text: 'A day at Northfield General',
      html: '',
      title: 'Northfield General tour',
    });
    const top = sim.social.youtube.post({
      author: who('sam'),
      text: 'My mum was treated brilliantly here',
      html: '',
      parentId: video.id,
    });
    const replies = Array.from({ length: 7 }, (_, i) =>
      sim.social.youtube.post({
        author: who(`r${i}`),
        text: `reply ${i}`,
        html: '',
        parentId: top.id,
      }),
    );
    const result = await youtubeConnector.poll(source('Northfield General'), LOOPBACK_POLICY);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.mentions.map((m) => m.externalId)).toContain(`video:v${video.id.slice(3)}`);
    const texts = result.mentions.map((m) => m.text);
    for (let i = 0; i < replies.length; i++) expect(texts).toContain(`reply ${i}`);
    const reply = result.mentions.find((m) => m.text === 'reply 6');
    expect(reply).toMatchObject({
      parentExternalId: top.id,
      rootExternalId: `video:v${video.id.slice(3)}`,
    });
    expect(result.quotaUnits).toBe(100 + 1 + 1); // search, the thread page, one comments.list
    expect(result.quotaUnits).toBe(sim.social.youtube.unitsUsed());
  });

  test("the trust's channel threads are read without a search", async () => {
    const video = sim.social.youtube.post({
      author: who('trust'),
      text: 'Open day',
      html: '',
      channelId: YOUTUBE_CHANNEL,
    });
    sim.social.youtube.post({
      author: who('ann'),
      text: 'Lovely staff',
      html: '',
      parentId: video.id,
    });
    const result = await youtubeConnector.poll(
      source(`channel:${YOUTUBE_CHANNEL}`),
      LOOPBACK_POLICY,
    );
    expect(result.status === 'ok' && result.mentions.map((m) => m.text)).toEqual(['Lovely staff']);
    expect(result.status === 'ok' && result.quotaUnits).toBe(1);
  });

  test('quota exhaustion stops polling until the Pacific midnight reset; a bad key is plain', async () => {
    sim.social.youtube.setDailyQuota(0);
    const error = await connectorError(
      youtubeConnector.poll(source('Northfield'), LOOPBACK_POLICY),
    );
    expect(error.code).toBe('quota-exhausted');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(86_400);
    const bad = await connectorError(
      youtubeConnector.poll(source('Northfield', 'nope'), LOOPBACK_POLICY),
    );
    expect(bad.code).toBe('bad-credentials');
  });

  test('polling slows down before the quota runs out, and stops spending near it', async () => {
    sim.social.youtube.post({
      author: who('trust'),
      text: 'Northfield',
      html: '',
      title: 'Northfield',
    });
    const near = await youtubeConnector.poll(source('Northfield'), LOOPBACK_POLICY, {
      quota: { usedToday: 9450, dailyLimit: 10_000 },
    });
    expect(near.status === 'ok' && near.quotaUnits).toBe(0);
    expect(near.status === 'ok' && near.warnings.join(' ')).toMatch(/quota/);
    const now = new Date('2026-12-01T12:00:00Z');
    expect(quotaPacingSeconds(100, 10_000, 101, now)).toBeLessThan(
      quotaPacingSeconds(8000, 10_000, 101, now),
    );
    expect(quotaPacingSeconds(9600, 10_000, 101, now)).toBeGreaterThan(3600);
  });

  test('a video with comments turned off is skipped with a warning, not a failure', async () => {
    sim.social.youtube.post({
      author: who('trust'),
      text: 'Northfield closed',
      html: '',
      title: 'Northfield closed',
      commentsDisabled: true,
    });
    const result = await youtubeConnector.poll(source('Northfield'), LOOPBACK_POLICY);
    expect(result.status === 'ok' && result.warnings).toContain(
      'comments are turned off on this video',
    );
    expect(result.status === 'ok' && result.mentions).toHaveLength(1);
  });
});

describe('Care Opinion', () => {
  const source = (key: string | null = CARE_OPINION_KEY) =>
    socialSource('careopinion', `${sim.url}/careopinion`, '', key);
  const story = (text: string) =>
    sim.social.careopinion.post({
      author: who('carer'),
      text,
      html: '',
      title: 'Nine hours in A&E',
    });

  test('pages stories oldest first to an empty page, skips stray strings, and reads responses as replies', async () => {
    const stories = Array.from({ length: 130 }, (_, i) =>
      story(`We arrived at **Northfield General** ${i}`),
    );
    sim.social.careopinion.post({
      author: who('pals'),
      text: 'Thank you, we have [changed the rota](https://northfield-nhs.example/rota)',
      html: '',
      parentId: stories[129]!.id,
    });
    sim.social.careopinion.setGlitch(true);
    const result = await careOpinionConnector.poll(source(), LOOPBACK_POLICY, { maxItems: 1000 });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.mentions.filter((m) => m.externalId.startsWith('opinion:'))).toHaveLength(130);
    expect(result.mentions[0]?.text).toBe('We arrived at Northfield General 0');
    expect(result.mentions[0]?.html).toContain('<b>Northfield General</b>');
    expect(result.warnings).toContain('1 unreadable entries skipped');
    const response = result.mentions.find((m) => m.externalId.startsWith('response:'));
    expect(response).toMatchObject({ parentExternalId: `opinion:${stories[129]!.id}` });
    expect(response?.html).toContain('href="https://northfield-nhs.example/rota"');
    const sent = sim.social.requests.all().filter((r) => r.path.startsWith('/careopinion/api'));
    expect(
      sent.every((r) => r.headers.authorization === `SUBSCRIPTION_KEY ${CARE_OPINION_KEY}`),
    ).toBe(true);
  });

  test('a bad key (a redirect to the login page) is refused credentials, not "no stories"', async () => {
    story('anything');
    const error = await connectorError(careOpinionConnector.poll(source('wrong'), LOOPBACK_POLICY));
    expect(error.code).toBe('bad-credentials');
    expect(error.message).not.toContain('wrong');
  });

  test('requests are paced under five a second', async () => {
    for (let i = 0; i < 450; i++) story(`story ${i}`);
    const result = await careOpinionConnector.poll(source(), LOOPBACK_POLICY, { maxItems: 1000 });
    expect(result.status === 'ok' && result.mentions).toHaveLength(450);
    const times = sim.social.requests.all().map((r) => r.at.getTime());
    for (let i = 5; i < times.length; i++)
      expect(times[i]! - times[i - 5]!).toBeGreaterThanOrEqual(1000);
  });
});
