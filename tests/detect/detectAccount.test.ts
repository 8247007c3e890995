import { describe, expect, it } from 'vitest';
import type { Note } from '#shared/contract/snapshotRecords';
import { withoutExplained } from '#shared/detect/detectAccount';
import type { Finding } from '#shared/detect/finding';
import { account, at, note, rulesOf, runDetection } from './harness.ts';

const finding = (ruleId: string): Finding => ({ accountId: 'a', code: ruleId.split('/')[0] as Finding['code'], ruleId, severity: 'high', score: 0.9, evidence: { summary: ruleId } });

describe('one act, one code', () => {
  it('an account run wholly by a hosting tool is ai-hosted, not also homogeneous-content; other codes stay', () => {
    const all = [
      finding('ai-hosted/fully-hosted'),
      finding('homogeneous-content/cross-account-duplicates'),
      finding('homogeneous-content/repeated-reposts'),
      finding('traffic-diversion/contact-in-text'),
    ];
    expect(withoutExplained(all).map((f) => f.ruleId)).toEqual(['ai-hosted/fully-hosted', 'traffic-diversion/contact-in-text']);
    // occasional hosting explains nothing: the account posts its own notes too
    const occasional = [finding('ai-hosted/occasional'), finding('homogeneous-content/cross-account-duplicates')];
    expect(withoutExplained(occasional)).toEqual(occasional);
  });

  it('six hosted accounts whose tool writes alike are judged ai-hosted only, end to end', () => {
    // registered through a hosting service; its notes come from a client name no lexicon knows
    const ids = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'];
    const body = '今天来和大家聊聊面膜，很多朋友问我关于面膜的问题，今天统一整理一下：1 提前做好规划能事半功倍 2 细节决定成败 3 注意安全是第一位的 4 保持好心情很重要';
    const notes: Note[] = ids.flatMap((a, i) =>
      [0, 1, 2].map((k) => note(`n-${a}-${k}`, a, { title: `关于面膜，你想知道的都在这里了${k}`, body, client: 'HostBot', createdAt: at(i * 600 + k * 1440) })),
    );
    const hosted = (id: string) => account(id, { registration: { ip: `36.1.2.${id.length}`, deviceId: `own-${id}`, client: 'AIHost-open-api' } });
    const r = runDetection({ accounts: ids.map(hosted), notes });
    for (const id of ids) {
      expect(rulesOf(r, id, 'ai-hosted')).toContain('ai-hosted/fully-hosted');
      expect(rulesOf(r, id, 'homogeneous-content')).toEqual([]);
    }
  });
});
